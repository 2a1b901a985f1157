"""Meetings, reflections and impact: their part of a person's download, and
of anonymising someone who has left. Found by core.exports; see there. Each
part of the app adds its own key to the one PersonPart, under its heading."""

from django.db.models import Q

from core.exports import Anonymising, PersonPart

from .models import (
    Change,
    HeardAnswer,
    Meeting,
    Outcome,
    ReflectionFlow,
    ReflectionStatusChange,
)

# Meetings --------------------------------------------------------------------------


def _meetings_part_of(person) -> list[dict]:
    meetings = (
        Meeting.objects.filter(Q(led_by=person) | Q(attendees=person))
        .distinct()
        .order_by("date", "title")
    )
    led = set(Meeting.objects.filter(led_by=person).values_list("pk", flat=True))
    return [
        {
            "date": meeting.date,
            "title": meeting.title,
            "kind": meeting.get_kind_display(),
            "you": "led it" if meeting.pk in led else "were there",
        }
        for meeting in meetings
    ]


# Reflections ---------------------------------------------------------------------


def _reflections_raised(person) -> list[dict]:
    return [
        {
            "title": flow.title,
            "you said": flow.you_said,
            "said on": flow.you_said_on,
            "shown as said by": flow.you_said_by,
            "we heard": flow.we_heard,
            "we propose": flow.we_propose,
            "outcome": flow.outcome,
            "status": flow.get_status_display(),
            "reason": flow.status_reason,
        }
        for flow in ReflectionFlow.objects.filter(raised_by=person).order_by("pk")
    ]


# What changed ----------------------------------------------------------------------


def _changes_recorded(person) -> list[dict]:
    return [
        {
            "what changed": change.what,
            "where": change.where,
            "in someone's words": change.quote,
            "whose words": change.quote_by,
            "may be published": change.may_publish,
            "recorded on": change.recorded_on,
        }
        for change in Change.objects.filter(recorded_by=person).order_by("pk")
    ]


# Were we heard? ---------------------------------------------------------------


def _heard_answers(person) -> list[dict]:
    answers = HeardAnswer.objects.filter(member=person).select_related(
        "meeting", "opportunity"
    )
    return [
        {
            "about": str(answer.meeting or answer.opportunity),
            **dict(answer.in_words),
            "anything else": answer.comment,
            "answered at": answer.answered_at,
            "written down by the engagement lead on a call": answer.was_by_phone,
        }
        for answer in answers.order_by("answered_at", "pk")
    ]


def person_data(person) -> PersonPart:
    return PersonPart(
        key="impact",
        title="Meetings, reflections and what changed",
        about=(
            "The group's meetings the engagement lead recorded you at (the "
            "date, the title, the kind of meeting and whether you led it, "
            "co-designing or co-delivering it, or were there); the "
            "reflections you proposed (what you said, and what came of it); "
            "if you are staff, the changes you recorded; and your answers to "
            "“were we heard?” after meetings and paid work."
        ),
        data={
            "meetings you were part of": _meetings_part_of(person),
            "reflections you raised": _reflections_raised(person),
            "changes you recorded": _changes_recorded(person),
            "were we heard? answers": _heard_answers(person),
        },
    )


def person_anonymise(anonymising: Anonymising) -> None:
    """The meetings, flows and changes stay, counted and readable: they are
    the group's record. Who was there stays under the person's new name;
    their old name goes from every word written about them (what was
    covered, whom an outcome came from, who said it, whose words, a reason
    that named them, a "were we heard?" comment that named them)."""
    for rows in (
        Meeting.objects.all(),
        Outcome.objects.all(),
        ReflectionFlow.objects.all(),
        ReflectionStatusChange.objects.all(),
        Change.objects.all(),
        HeardAnswer.objects.all(),
    ):
        anonymising.scrub_rows(rows)
