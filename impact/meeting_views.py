"""The meetings log in the members' area. The engagement lead keeps it
(manage/: the list by year, add, change, read); a member reads the meetings
they were part of, who was there included; staff read every meeting
without who was there. Anyone else gets "not found"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.exceptions import NotAllowed
from members import roles
from members.access import lead_required
from members.acting import is_acting, person_for

from .meeting_forms import (
    MOST_OUTCOMES,
    OUTCOMES,
    MeetingForm,
    outcome_formset_class,
    outcome_initial,
)
from .models import Meeting
from .selectors import (
    heard_answers_about,
    heard_for_lead,
    heard_summary,
    heard_url,
    meeting_for_lead,
    meeting_for_member,
    meeting_for_staff,
    meeting_public_url,
    meeting_viewer_kind,
    meetings_by_year,
    meetings_log,
    meetings_of,
)
from .services import meeting_save

# Empty outcome lines a new meeting starts with; a meeting being changed
# gets one under its own.
NEW_MEETING_LINES = 3


def _lead_elsewhere(request) -> bool:
    """The lead reads the log on their own screens."""
    return roles.is_lead(request.user) and not is_acting(request)


def _viewer(request) -> tuple[str, object]:
    person = person_for(request)
    kind = meeting_viewer_kind(person=person, user=request.user)
    if kind is None:
        raise Http404("Not found")
    return kind, person


@login_required
def meeting_list(request):
    if _lead_elsewhere(request):
        return redirect("meetings:manage_list")
    kind, person = _viewer(request)
    meetings = meetings_of(member=person) if kind == "member" else meetings_log()
    return render(
        request,
        "impact/meetings/list.html",
        {
            "years": meetings_by_year(meetings=meetings),
            "for_member": kind == "member",
            "person": person,
            "is_acting": person != request.user,
        },
    )


@login_required
def meeting_detail(request, pk):
    if _lead_elsewhere(request):
        return redirect("meetings:manage", pk=pk)
    kind, person = _viewer(request)
    if kind == "member":
        meeting = meeting_for_member(member=person, pk=pk)
    else:
        meeting = meeting_for_staff(pk=pk)
    if meeting is None:
        raise Http404("Not found")
    return render(
        request,
        "impact/meetings/detail.html",
        {
            "meeting": meeting,
            "show_who_was_there": kind == "member",
            # Were we heard? Members answer; everyone sees only the summary.
            "heard_url": heard_url(subject=meeting) if kind == "member" else None,
            "heard": heard_summary(answers=heard_answers_about(subject=meeting)),
        },
    )


# The engagement lead's screens ------------------------------------------------


@lead_required
def manage_list(request):
    return render(
        request,
        "impact/meetings/manage_list.html",
        {"years": meetings_by_year(meetings=meetings_log())},
    )


@lead_required
def manage(request, pk):
    meeting = meeting_for_lead(pk=pk)
    if meeting is None:
        raise Http404("No such meeting")
    return render(
        request,
        "impact/meetings/manage.html",
        {
            "meeting": meeting,
            "show_who_was_there": True,
            "public_url": meeting_public_url(meeting=meeting),
            "heard": heard_summary(answers=heard_answers_about(subject=meeting)),
            "heard_rows": heard_for_lead(subject=meeting),
        },
    )


def _edit_page(request, *, meeting, form, outcomes, status):
    has_errors = bool(form.errors or outcomes.total_error_count())
    return render(
        request,
        "impact/meetings/edit.html",
        {
            "meeting": meeting,
            "form": form,
            "outcomes": outcomes,
            "has_errors": has_errors,
            "can_add_outcome": outcomes.total_form_count() < MOST_OUTCOMES,
        },
        status=400 if has_errors else status,
    )


@lead_required
def meeting_edit(request, pk=None):
    """Add a meeting (no pk) or change one. A form sent back with a mistake,
    or to add an outcome line, keeps everything typed."""
    meeting = meeting_for_lead(pk=pk) if pk else Meeting()
    if meeting is None:
        raise Http404("No such meeting")
    if request.method != "POST":
        has_outcomes = bool(meeting.pk and meeting.outcomes.all())
        formset_class = outcome_formset_class(
            extra=1 if has_outcomes else NEW_MEETING_LINES
        )
        return _edit_page(
            request,
            meeting=meeting,
            form=MeetingForm(instance=meeting),
            outcomes=formset_class(
                prefix=OUTCOMES,
                initial=outcome_initial(meeting) if has_outcomes else None,
            ),
            status=200,
        )

    data = request.POST.copy()
    formset_class = outcome_formset_class(extra=0)
    form = MeetingForm(data, instance=meeting)
    outcomes = formset_class(data, prefix=OUTCOMES)
    valid = all([form.is_valid(), outcomes.is_valid()])
    adding = "add_outcome" in request.POST
    if valid and not adding:
        try:
            saved = meeting_save(
                meeting=meeting if meeting.pk else None,
                details=form.details(outcomes.outcomes()),
                by=request.user,
            )
        except NotAllowed as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            messages.success(request, _("Saved “%(title)s”.") % {"title": saved.title})
            return redirect("meetings:manage", pk=saved.pk)
    if adding:
        # One more empty line under those typed; nothing is checked yet.
        typed = [
            {
                "text": data.get(f"{OUTCOMES}-{number}-text", ""),
                "from_whom": data.get(f"{OUTCOMES}-{number}-from_whom", ""),
            }
            for number in range(min(outcomes.total_form_count(), MOST_OUTCOMES - 1))
        ]
        return _edit_page(
            request,
            meeting=meeting,
            form=MeetingForm(initial=_typed(form), instance=meeting),
            outcomes=outcome_formset_class(extra=1)(prefix=OUTCOMES, initial=typed),
            status=200,
        )
    return _edit_page(
        request, meeting=meeting, form=form, outcomes=outcomes, status=400
    )


def _typed(form) -> dict:
    """What was typed into the form, as initial values."""
    return {
        name: form.data.getlist(name)
        if name in ("led_by", "attendees", "workstreams", "opportunities")
        else form.data.get(name)
        for name in form.fields
    }
