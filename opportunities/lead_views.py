"""The engagement lead's screens: create and edit opportunities with their
sessions, move them through their states, and make the selection."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import NotAllowed
from members.access import lead_required
from members.audit import needs_reads_log

from .forms import OpportunityForm, SelectionForm, SessionFormSet
from .models import Opportunity, SignUp
from .selectors import requests_waiting_count
from .services import TRANSITIONS, opportunity_move, opportunity_select

S = Opportunity.Status

# The words on each status button, from the lead's side.
MOVE_LABELS = {
    S.OPEN: gettext_lazy("Open for sign-up"),
    S.CLOSED: gettext_lazy("Close sign-up"),
    S.SELECTED: gettext_lazy("Make the selection"),
    S.IN_PROGRESS: gettext_lazy("Mark as in progress"),
    S.COMPLETED: gettext_lazy("Mark as completed"),
    S.CANCELLED: gettext_lazy("Cancel this opportunity"),
}


@lead_required
def manage_list(request):
    opportunities = (
        Opportunity.objects.select_related("workstream")
        .annotate(
            session_count=Count("sessions", distinct=True),
            signed=Count("sign_ups", distinct=True),
        )
        .order_by("-closes_on", "title")
    )
    by_status = [
        (label, [o for o in opportunities if o.status == value])
        for value, label in S.choices
    ]
    return render(
        request,
        "opportunities/manage_list.html",
        {
            "by_status": [(label, items) for label, items in by_status if items],
            "requests_waiting": requests_waiting_count(),
        },
    )


@lead_required
def opportunity_edit(request, pk=None):
    opportunity = get_object_or_404(Opportunity, pk=pk) if pk else Opportunity()
    if request.method == "POST":
        form = OpportunityForm(request.POST, instance=opportunity)
        sessions = SessionFormSet(request.POST, instance=opportunity)
        if form.is_valid() and sessions.is_valid():
            with transaction.atomic():
                if not opportunity.pk:
                    form.instance.created_by = request.user
                opportunity = form.save()
                sessions.instance = opportunity
                sessions.save()
            messages.success(
                request, _("Saved %(title)s.") % {"title": opportunity.title}
            )
            return redirect("opportunities:manage", pk=opportunity.pk)
        status = 400
    else:
        form = OpportunityForm(instance=opportunity)
        sessions = SessionFormSet(instance=opportunity)
        status = 200
    return render(
        request,
        "opportunities/edit.html",
        {"form": form, "sessions": sessions, "opportunity": opportunity},
        status=status,
    )


def _manage_page(request, opportunity, *, selection_form=None, status=200):
    sign_ups = opportunity.sign_ups.select_related("member", "member__profile")
    needs_reads_log(
        viewer=request.user, shown=[(entry.member, entry) for entry in sign_ups]
    )
    return render(
        request,
        "opportunities/manage.html",
        {
            "opportunity": opportunity,
            "sessions": opportunity.sessions.all(),
            "sign_ups": sign_ups,
            "holding": [e for e in sign_ups if e.holds_place],
            "waiting": [e for e in sign_ups if e.is_waiting],
            "others": [e for e in sign_ups if not e.is_active],
            "moves": [
                (value, MOVE_LABELS[value])
                for value in S
                if value in TRANSITIONS[S(opportunity.status)]
                # Selecting goes through its own screen, with the reason.
                and value != S.SELECTED
            ],
            "can_select": opportunity.awaits_selection,
            "total_fee": opportunity.total_fee(),
        },
        status=status,
    )


@lead_required
def manage(request, pk):
    return _manage_page(request, get_object_or_404(Opportunity, pk=pk))


@lead_required
def move(request, pk):
    """POST moves straight away; cancelling asks first (GET shows the question)."""
    opportunity = get_object_or_404(Opportunity, pk=pk)
    to = request.POST.get("to") or request.GET.get("to")
    if to not in S.values:
        messages.error(request, _("Choose what should happen next."))
        return redirect("opportunities:manage", pk=pk)
    if request.method != "POST":
        return render(
            request,
            "opportunities/move_confirm.html",
            {"opportunity": opportunity, "to": to, "label": MOVE_LABELS.get(to)},
        )
    try:
        opportunity_move(opportunity=opportunity, to=to)
        messages.success(
            request,
            _("%(title)s is now “%(status)s”.")
            % {"title": opportunity.title, "status": opportunity.get_status_display()},
        )
    except NotAllowed as refusal:
        messages.error(request, str(refusal))
    return redirect("opportunities:manage", pk=pk)


@lead_required
def selection(request, pk):
    opportunity = get_object_or_404(Opportunity, pk=pk)
    if not opportunity.awaits_selection:
        messages.error(request, _("Close sign-up before making the selection."))
        return redirect("opportunities:manage", pk=pk)
    first_come = opportunity.is_first_come
    if request.method == "POST":
        form = SelectionForm(request.POST, opportunity=opportunity)
        if form.is_valid():
            try:
                opportunity_select(
                    opportunity=opportunity,
                    chosen=list(form.cleaned_data["chosen"]),
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except NotAllowed as refusal:
                form.add_error(refusal.field, str(refusal))
            else:
                messages.success(
                    request, _("The selection is made and everyone has been told.")
                )
                return redirect("opportunities:manage", pk=pk)
        status = 400
    else:
        holding = opportunity.sign_ups.filter(status__in=SignUp.HOLDING)
        initial = {"chosen": list(holding.values_list("pk", flat=True))}
        if first_come:
            initial["reason"] = _(
                "First come, first served: the first %(places)s "
                "people to sign up have the places."
            ) % {"places": opportunity.places}
        form = SelectionForm(initial=initial, opportunity=opportunity)
        status = 200
    return render(
        request,
        "opportunities/selection.html",
        {"opportunity": opportunity, "form": form, "first_come": first_come},
        status=status,
    )
