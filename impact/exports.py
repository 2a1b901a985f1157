"""The meetings log's part of a person's download, and of anonymising
someone who has left. Found by core.exports; see there."""

from django.db.models import Q

from core.exports import Anonymising, PersonPart

from .models import Meeting, Outcome


def person_data(person) -> PersonPart:
    meetings = (
        Meeting.objects.filter(Q(led_by=person) | Q(attendees=person))
        .distinct()
        .order_by("date", "title")
    )
    led = set(Meeting.objects.filter(led_by=person).values_list("pk", flat=True))
    return PersonPart(
        key="meetings",
        title="Meetings you were part of",
        about=(
            "The group's meetings the engagement lead recorded you at: the "
            "date, the title, the kind of meeting and whether you led it (co-"
            "designed or co-delivered it) or were there."
        ),
        data=[
            {
                "date": meeting.date,
                "title": meeting.title,
                "kind": meeting.get_kind_display(),
                "you": "led it" if meeting.pk in led else "were there",
            }
            for meeting in meetings
        ],
    )


def person_anonymise(anonymising: Anonymising) -> None:
    """Who was there stays (the meetings are counted), under the person's
    new name; their old name goes from what the lead wrote."""
    anonymising.scrub_rows(Meeting.objects.all())
    anonymising.scrub_rows(Outcome.objects.all())
