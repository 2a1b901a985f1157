"""Engagement requests: staff ask for the group's input; the lead accepts,
asks a question or declines. Staff see their own requests, the lead all."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.exceptions import NotAllowed
from members import roles

from .forms import EngagementRequestForm, MessageForm
from .models import EngagementRequest
from .services import (
    request_accept,
    request_answer,
    request_ask,
    request_decline,
    request_submit,
)

R = EngagementRequest.Status


def _may_ask(user) -> bool:
    return roles.is_staff_member(user) or roles.is_lead(user)


def _visible(user):
    """Every request for the lead; for staff, their own."""
    if roles.is_lead(user):
        return EngagementRequest.objects.all()
    if roles.is_staff_member(user):
        return EngagementRequest.objects.filter(requested_by=user)
    raise Http404("Requests are for staff and the engagement lead")


@login_required
def request_list(request):
    requests = (
        _visible(request.user)
        .select_related("workstream", "requested_by", "opportunity")
        .annotate(
            # What needs someone's attention first.
            waiting=Case(
                When(status__in=[R.SUBMITTED, R.QUESTION], then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("waiting", "-created_at")
    )
    return render(
        request,
        "opportunities/requests.html",
        {"requests": requests, "is_lead": roles.is_lead(request.user)},
    )


@login_required
def request_new(request):
    if not _may_ask(request.user):
        raise Http404("Requests are for staff and the engagement lead")
    form = EngagementRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = request_submit(request=form.save(commit=False), by=request.user)
        messages.success(
            request,
            _(
                "Thank you. The engagement lead will reply; you will be told here "
                "and by email."
            ),
        )
        return redirect("opportunities:request", pk=made.pk)
    return render(
        request,
        "opportunities/request_new.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _detail_page(request, made, *, status=200, **forms):
    is_lead = roles.is_lead(request.user)
    is_requester = made.requested_by_id == request.user.pk
    return render(
        request,
        "opportunities/request.html",
        {
            "made": made,
            "is_lead": is_lead,
            "lead_may_decide": is_lead and made.awaits_decision,
            "requester_may_answer": is_requester and made.awaits_answer,
            **{
                f"{name}_form": forms.get(f"{name}_form") or _message_form(name)
                for name in DECISIONS
            },
        },
        status=status,
    )


def _get(request, pk) -> EngagementRequest:
    return get_object_or_404(
        _visible(request.user).select_related("workstream", "requested_by"), pk=pk
    )


@login_required
def request_detail(request, pk):
    return _detail_page(request, _get(request, pk))


def _lead(user, made) -> bool:
    return roles.is_lead(user)


def _requester(user, made) -> bool:
    return made.requested_by_id == user.pk


# Each written decision: who may make it, its form's label and message when
# empty, the service, and what to say afterwards. Accepting needs no words
# and has its own branch.
DECISIONS = {
    "question": (
        _lead,
        (
            gettext_lazy("Your question"),
            gettext_lazy("Write the question you would like answered."),
        ),
        request_ask,
        gettext_lazy("Your question has been sent."),
    ),
    "decline": (
        _lead,
        (
            gettext_lazy("Reason for declining"),
            gettext_lazy("Write the reason for declining."),
        ),
        request_decline,
        gettext_lazy("The request is declined and the requester told."),
    ),
    "answer": (
        _requester,
        (
            gettext_lazy("Your answer"),
            gettext_lazy("Write your answer to the question."),
        ),
        request_answer,
        gettext_lazy("Your answer has been sent to the engagement lead."),
    ),
}


def _message_form(decision, data=None):
    label, missing = DECISIONS[decision][1]
    return MessageForm(data, label=label, missing=missing, prefix=decision)


@login_required
@require_POST
def request_decide(request, pk, decision):
    made = _get(request, pk)
    if decision == "accept":
        if not roles.is_lead(request.user):
            raise Http404("Only the engagement lead decides")
        try:
            opportunity = request_accept(request=made, by=request.user)
        except NotAllowed as refusal:
            messages.error(request, str(refusal))
            return redirect("opportunities:request", pk=pk)
        messages.success(
            request,
            _(
                "Accepted. Here is the draft opportunity: set the fee, places and "
                "sessions, then open it for sign-up."
            ),
        )
        return redirect("opportunities:edit", pk=opportunity.pk)
    if decision not in DECISIONS:
        raise Http404("Unknown decision")
    allowed, _words, service, done = DECISIONS[decision]
    if not allowed(request.user, made):
        raise Http404("Not yours to decide")
    form = _message_form(decision, request.POST)
    if form.is_valid():
        try:
            service(request=made, by=request.user, message=form.cleaned_data["message"])
        except NotAllowed as refusal:
            form.add_error("message", str(refusal))
        else:
            messages.success(request, done)
            return redirect("opportunities:request", pk=pk)
    return _detail_page(request, made, status=400, **{f"{decision}_form": form})
