"""The reflections log: flows of "you said, we heard, we propose, outcome".
Members, staff and the lead read it; members propose; staff of the team a
flow concerns (and the lead) say what they heard and what came of it; the
lead adds and edits flows, moves their status and counts them by year."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.exceptions import NotAllowed
from members import roles
from members.access import lead_required
from members.acting import person_for

from . import selectors
from .models import ReflectionFlow
from .reflection_forms import FlowForm, ProposeForm, RespondForm
from .selectors import changes_visible_to, reflection_may_respond
from .services import (
    FLOW_FIELDS,
    reflection_propose,
    reflection_respond,
    reflection_save,
)


def _reader(request):
    """Whom the log is read for: a member (or their supporter, acting for
    them), staff or the lead. Anyone else gets "not found"."""
    person = person_for(request)
    user = request.user
    if roles.is_lead(user) or roles.is_staff_member(user) or roles.is_member(person):
        return person
    raise Http404("Not found")


def _year(request, years: list[int]) -> int | None:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return None
    return year if year in years else None


@login_required
def flow_list(request):
    person = _reader(request)
    years = selectors.reflection_years()
    year = _year(request, years)
    summary = selectors.reflection_years_summary(years=[year]) if year else [None]
    return render(
        request,
        "impact/reflections/list.html",
        {
            "flows": selectors.reflections_list(year=year),
            "years": years,
            "year": year,
            "summary": summary[0],
            "person": person,
            "is_lead": roles.is_lead(request.user),
            "may_propose": roles.is_member(person),
        },
    )


@login_required
def flow_detail(request, pk):
    person = _reader(request)
    flow = get_object_or_404(selectors.reflections_list(), pk=pk)
    return render(
        request,
        "impact/reflections/detail.html",
        {
            "flow": flow,
            "person": person,
            "history": selectors.reflection_history(flow=flow),
            "changes": changes_visible_to(user=person).filter(reflection=flow),
            "is_lead": roles.is_lead(request.user),
            "may_respond": reflection_may_respond(flow=flow, user=request.user),
        },
    )


@login_required
def flow_propose(request):
    person = person_for(request)
    if not roles.is_member(person):
        raise Http404("Members propose reflections")
    acting_for = person if person != request.user else None
    form = ProposeForm(request.POST or None, acting_for=acting_for)
    if request.method == "POST" and form.is_valid():
        flow = reflection_propose(member=person, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "Thank you. The engagement lead will read it, and staff of the team "
                "will say what they heard. You will be told."
            ),
        )
        return redirect("reflections:detail", pk=flow.pk)
    return render(
        request,
        "impact/reflections/propose.html",
        {"form": form, "acting_for": acting_for},
        status=400 if form.errors else 200,
    )


@login_required
def flow_respond(request, pk):
    flow = get_object_or_404(selectors.reflections_list(), pk=pk)
    if not reflection_may_respond(flow=flow, user=request.user):
        raise Http404("Not your team's")
    form = RespondForm(request.POST or None, flow=flow)
    if request.method == "POST" and form.is_valid():
        try:
            reflection_respond(flow=flow, by=request.user, **form.cleaned_data)
        except NotAllowed as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            messages.success(request, _("Saved. Whoever raised it is told."))
            return redirect("reflections:detail", pk=flow.pk)
        flow.refresh_from_db()
    return render(
        request,
        "impact/reflections/respond.html",
        {"flow": flow, "form": form},
        status=400 if form.errors else 200,
    )


# The engagement lead's screens -------------------------------------------------


@lead_required
def manage(request):
    years = selectors.reflection_years()
    return render(
        request,
        "impact/reflections/manage.html",
        {
            "summary": selectors.reflection_years_summary(years=years),
            "flows": selectors.reflections_list(),
        },
    )


def _flow_form_page(request, flow: ReflectionFlow):
    is_new = flow.pk is None
    form = FlowForm(request.POST or None, instance=flow)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            reflection_save(
                flow=flow,
                by=request.user,
                fields={name: data[name] for name in FLOW_FIELDS},
                we_propose=data["we_propose"],
                we_propose_on=data["we_propose_on"],
                status=data["status"],
                status_reason=data["status_reason"],
            )
        except NotAllowed as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            messages.success(request, _("Saved: %(title)s.") % {"title": flow.title})
            return redirect("reflections:detail", pk=flow.pk)
    # What a refused save set on the flow in memory is not what is stored.
    if is_new:
        flow = ReflectionFlow()
    else:
        flow = get_object_or_404(selectors.reflections_list(), pk=flow.pk)
    return render(
        request,
        "impact/reflections/edit.html",
        {"form": form, "flow": flow},
        status=400 if form.errors else 200,
    )


@lead_required
def manage_add(request):
    return _flow_form_page(request, ReflectionFlow())


@lead_required
def manage_edit(request, pk):
    return _flow_form_page(request, get_object_or_404(ReflectionFlow, pk=pk))
