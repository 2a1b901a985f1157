"""The rules for changing impact records. Views, the demo and tests come
here; a refused change raises NotAllowed with words for the person and the
form field they belong next to."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.exceptions import NotAllowed
from core.page_cache import page_cache_purge
from members import roles
from members.models import User
from opportunities.models import Opportunity, Workstream

from .models import Meeting, Outcome

# Meetings ---------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeInput:
    """One outcome as the form gives it: what came of the meeting, and whom
    it came from."""

    text: str
    from_whom: str = ""


@dataclass(frozen=True)
class MeetingInput:
    """Everything the lead writes about a meeting."""

    kind: str
    date: date | None
    title: str
    led_by: Iterable[User] = ()
    led_with: str = ""
    attendees: Iterable[User] = ()
    guests: str = ""
    question: str = ""
    covered: str = ""
    do_differently: str = ""
    outcomes: list[OutcomeInput] = field(default_factory=list)
    workstreams: Iterable[Workstream] = ()
    opportunities: Iterable[Opportunity] = ()
    is_public: bool = False


def _meeting_check(*, details: MeetingInput, by: User) -> None:
    if not roles.is_lead(by):
        raise NotAllowed("Only the engagement lead keeps the meetings log.")
    if details.date is None:
        raise NotAllowed("Enter the date of the meeting.", field="date")
    if not details.title.strip():
        raise NotAllowed("Give the meeting a title.", field="title")
    if details.kind not in Meeting.Kind.values:
        raise NotAllowed("Choose what kind of meeting it was.", field="kind")


def _slug_free(title: str, day: date, meeting: Meeting) -> str:
    """A public address from the title and year ("planning-meeting-2023"),
    made unique with a number when another meeting has it."""
    base = slugify(f"{title} {day.year}")[:200] or f"meeting-{day.year}"
    taken = set(
        Meeting.objects.exclude(pk=meeting.pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def meeting_save(
    *, meeting: Meeting | None = None, details: MeetingInput, by: User
) -> Meeting:
    """Add a meeting to the log (meeting=None) or change one, with its
    outcomes in the order given. Its public address is made once, from the
    title and year, and kept when the title changes, so a link to a public
    meeting goes on working."""
    _meeting_check(details=details, by=by)
    meeting = meeting or Meeting(created_by=by)
    # Read from the database: a form may have changed the object already.
    was_public = (
        meeting.pk is not None
        and Meeting.objects.filter(pk=meeting.pk, is_public=True).exists()
    )
    meeting.kind = details.kind
    meeting.date = details.date
    meeting.title = details.title.strip()
    meeting.led_with = details.led_with.strip()
    meeting.guests = details.guests.strip()
    meeting.question = details.question.strip()
    meeting.covered = details.covered.strip()
    meeting.do_differently = details.do_differently.strip()
    meeting.is_public = details.is_public
    meeting.changed_at = timezone.now()
    if not meeting.slug:
        meeting.slug = _slug_free(meeting.title, meeting.date, meeting)
    meeting.save()
    meeting.led_by.set(details.led_by)
    meeting.attendees.set(details.attendees)
    meeting.workstreams.set(details.workstreams)
    meeting.opportunities.set(details.opportunities)
    meeting.outcomes.all().delete()
    Outcome.objects.bulk_create(
        Outcome(
            meeting=meeting,
            text=outcome.text.strip(),
            from_whom=outcome.from_whom.strip(),
            sort_order=number,
        )
        for number, outcome in enumerate(details.outcomes)
        if outcome.text.strip()
    )
    if was_public or meeting.is_public:
        # "What we did" shows it (or showed it): the public pages are rebuilt.
        page_cache_purge()
    return meeting
