"""Meetings, reflections and impact: their part of a person's download, and
of anonymising someone who has left. Found by core.exports; see there. Each
part of the app adds its own key to the one PersonPart, under its heading."""

from core.exports import Anonymising, PersonPart

from .models import Change, ReflectionFlow, ReflectionStatusChange

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


def person_data(person) -> PersonPart:
    return PersonPart(
        key="impact",
        title="Reflections and what changed",
        about=(
            "The reflections you proposed (what you said, and what came of "
            "it), and, if you are staff, the changes you recorded."
        ),
        data={
            "reflections you raised": _reflections_raised(person),
            "changes you recorded": _changes_recorded(person),
        },
    )


def person_anonymise(anonymising: Anonymising) -> None:
    """The flows and changes stay, counted and readable: they are the
    group's record. Their name goes from every word written about them
    (who said it, whose words, a reason that named them); the links to
    their account now show the new name."""
    for rows in (
        ReflectionFlow.objects.all(),
        ReflectionStatusChange.objects.all(),
        Change.objects.all(),
    ):
        anonymising.scrub_rows(rows)
