"""Were we heard? A member who took part in a meeting or a piece of paid
work answers four short questions on one screen (their supporter can, acting
for them); the lead writes the answers down on a call. A member's answers are
read only by them and the lead: every other screen shows heard_summary, five
answers or more. Anyone else gets "not found"."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import NotAllowed
from members.access import lead_required, member_required
from members.models import User

from .heard_forms import HeardForm
from .models import Meeting
from .questions import QUESTIONS
from .selectors import (
    heard_answer_of,
    heard_answers_about,
    heard_asks_of,
    heard_calls_waiting,
    heard_for_lead,
    heard_opportunities_asked,
    heard_subject_get,
    heard_summary,
    heard_took_part,
)
from .services import heard_answer_save

THANKS = gettext_lazy(
    "Thank you. Your answers are saved: you can read them below and change them."
)


def _subject(kind: str, pk: int):
    subject = heard_subject_get(kind=kind, pk=pk)
    if subject is None:
        raise Http404("Not found")
    return subject


def _save(request, form, *, subject, member) -> bool:
    """Save the answers; False (with the refusal beside its question) if not."""
    if not form.is_valid():
        return False
    try:
        heard_answer_save(
            subject=subject,
            member=member,
            by=request.user,
            scores=form.scores(),
            comment=form.cleaned_data["comment"],
        )
    except NotAllowed as refusal:
        form.add_error(refusal.field, str(refusal))
        return False
    return True


@member_required
def heard_list(request, member):
    """What the member was asked about, and what they answered."""
    return render(
        request,
        "impact/heard/list.html",
        {"asked": heard_asks_of(member=member), "member": member},
    )


@member_required
def heard_answer(request, pk, kind, member):
    subject = _subject(kind, pk)
    if not heard_took_part(subject=subject, member=member):
        raise Http404("Not found")
    answer = heard_answer_of(subject=subject, member=member)
    form = HeardForm(request.POST or None, answer=answer)
    if request.method == "POST":
        if _save(request, form, subject=subject, member=member):
            messages.success(request, THANKS)
            return redirect(request.path)
    return render(
        request,
        "impact/heard/answer.html",
        {
            "subject": subject,
            "is_meeting": isinstance(subject, Meeting),
            "answer": answer,
            "form": form,
            "member": member,
            "acting_for": member if member != request.user else None,
            "questions": QUESTIONS,
        },
        status=400 if form.errors else 200,
    )


# The engagement lead's screens ------------------------------------------------


@lead_required
def heard_manage(request):
    """The calls to make (members who asked to be phoned), and the paid work
    members were asked about."""
    return render(
        request,
        "impact/heard/manage.html",
        {
            "calls": heard_calls_waiting(),
            "opportunities": heard_opportunities_asked(),
        },
    )


@lead_required
def heard_manage_opportunity(request, pk):
    """A piece of paid work: the summary, and each member's answer."""
    subject = _subject("opportunity", pk)
    return render(
        request,
        "impact/heard/manage_opportunity.html",
        {
            "subject": subject,
            "rows": heard_for_lead(subject=subject),
            "summary": heard_summary(answers=heard_answers_about(subject=subject)),
        },
    )


@lead_required
def heard_record(request, pk, member_pk, kind):
    """The lead writes down a member's answers, given on a call."""
    subject = _subject(kind, pk)
    member = get_object_or_404(User.objects.select_related("profile"), pk=member_pk)
    if not heard_took_part(subject=subject, member=member):
        raise Http404("Not found")
    answer = heard_answer_of(subject=subject, member=member)
    form = HeardForm(request.POST or None, answer=answer)
    is_meeting = isinstance(subject, Meeting)
    back = (
        redirect("meetings:manage", pk=subject.pk)
        if is_meeting
        else redirect("heard:manage_opportunity", pk=subject.pk)
    )
    if request.method == "POST":
        if _save(request, form, subject=subject, member=member):
            messages.success(
                request,
                _("Saved %(name)s's answers.")
                % {"name": member.get_full_name() or member},
            )
            return back
    return render(
        request,
        "impact/heard/record.html",
        {
            "subject": subject,
            "is_meeting": is_meeting,
            "member": member,
            "answer": answer,
            "form": form,
            "back_url": back.url,
        },
        status=400 if form.errors else 200,
    )
