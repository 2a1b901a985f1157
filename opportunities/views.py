from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import NotAllowed
from members import roles
from members.access import member_for, member_required
from members.acting import is_acting
from members.audit import needs_read_log

from .calendar import session_filename, session_ics
from .forms import SignUpForm
from .models import Opportunity
from .selectors import (
    opportunities_open_for,
    opportunity_work_done,
    sign_up_of,
    waiting_position,
)
from .services import sign_up_create, sign_up_withdraw


@member_required
def opportunity_list(request, member):
    return render(
        request,
        "opportunities/list.html",
        {"opportunities": opportunities_open_for(member=member)},
    )


def _detail_page(request, opportunity, member, form=None, status=200):
    entry = sign_up_of(opportunity=opportunity, member=member)
    profile = getattr(member, "profile", None)
    # A supporter acting sees the needs given, or the profile's in the form.
    form_shown = entry is None and opportunity.is_open
    needs = entry or (profile if form_shown else None)
    needs_read_log(viewer=request.user, owner=member, source=needs)
    return render(
        request,
        "opportunities/detail.html",
        {
            "opportunity": opportunity,
            "sessions": opportunity.sessions.all(),
            "total_fee": opportunity.total_fee(),
            "entry": entry,
            "work_done": opportunity_work_done(opportunity=opportunity),
            "position": waiting_position(entry=entry)
            if entry and entry.is_waiting
            else None,
            "form": form
            or SignUpForm(
                initial={"support_needs": profile.support_needs if profile else ""},
                acting_for=member if is_acting(request) else None,
            ),
            "acting": is_acting(request),
        },
        status=status,
    )


def _visible(pk):
    # Members see what is or was open; drafts stay with the lead.
    return get_object_or_404(
        Opportunity.objects.exclude(status=Opportunity.Status.DRAFT), pk=pk
    )


@member_required
def detail(request, pk, member):
    return _detail_page(request, _visible(pk), member)


@member_required
@require_POST
def sign_up_view(request, pk, member):
    opportunity = _visible(pk)
    form = SignUpForm(request.POST, acting_for=member if is_acting(request) else None)
    if not form.is_valid():
        return _detail_page(request, opportunity, member, form=form, status=400)
    try:
        entry = sign_up_create(
            opportunity=opportunity,
            member=member,
            actor=request.user,
            **form.cleaned_data,
        )
    except NotAllowed as refusal:
        form.add_error(None, str(refusal))
        return _detail_page(request, opportunity, member, form=form, status=400)
    if entry.is_waiting:
        messages.success(
            request,
            _(
                "The places are full, so you are on the waiting list. We will tell "
                "you if a place comes up."
            ),
        )
    else:
        messages.success(
            request,
            _("You are signed up for %(title)s.") % {"title": opportunity.title},
        )
    return redirect("opportunities:detail", pk=opportunity.pk)


@member_required
@require_POST
def withdraw_view(request, pk, member):
    opportunity = _visible(pk)
    entry = sign_up_of(opportunity=opportunity, member=member)
    if entry is None:
        messages.error(request, _("You are not signed up for this opportunity."))
    else:
        try:
            sign_up_withdraw(entry=entry, actor=request.user)
            messages.success(
                request,
                _("You have withdrawn from %(title)s.") % {"title": opportunity.title},
            )
        except NotAllowed as refusal:
            messages.error(request, str(refusal))
    return redirect("opportunities:detail", pk=opportunity.pk)


@login_required
def session_calendar(request, pk, session_pk):
    """One session's calendar invitation, for the member taking part (or
    their supporter) and for the lead who organises it."""
    if roles.is_lead(request.user):
        opportunity = get_object_or_404(Opportunity, pk=pk)
    else:
        member = member_for(request)
        opportunity = _visible(pk)
        entry = sign_up_of(opportunity=opportunity, member=member)
        if not (entry and entry.gets_calendar_invitations):
            raise Http404("Only people taking part get the invitations")
    session = get_object_or_404(opportunity.sessions, pk=session_pk)
    response = HttpResponse(
        session_ics(session), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=session_filename(session)
    )
    return response
