"""Reads of the impact records, each fetched whole (a page costs the same
queries however many meetings there are). Who may see what is decided here
too: a member reads only the meetings they were part of."""

from itertools import groupby

from django.db.models import Count, Prefetch, Q, QuerySet

from members import roles
from members.models import User
from opportunities.models import Opportunity

from .models import Meeting, Outcome, WhatWeDidPage

# Meetings ---------------------------------------------------------------------


def _meeting_whole(queryset: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """With its outcomes and linked work, each list in one query."""
    return queryset.prefetch_related(
        "outcomes",
        "workstreams",
        Prefetch("opportunities", queryset=Opportunity.objects.order_by("title")),
    )


def _with_people(queryset: QuerySet[Meeting]) -> QuerySet[Meeting]:
    people = User.objects.order_by("first_name", "last_name", "email")
    return queryset.prefetch_related(
        Prefetch("led_by", queryset=people), Prefetch("attendees", queryset=people)
    )


def meetings_log() -> QuerySet[Meeting]:
    """The whole log, newest first, with how many outcomes and members each
    had (counted in the same query)."""
    return Meeting.objects.annotate(
        outcome_count=Count("outcomes", distinct=True),
        attendee_count=Count("attendees", distinct=True),
    ).order_by("-date", "title")


def meetings_of(*, member: User) -> QuerySet[Meeting]:
    """The meetings a member was part of: they led it or were there."""
    return meetings_log().filter(
        pk__in=Meeting.objects.filter(Q(led_by=member) | Q(attendees=member)).values(
            "pk"
        )
    )


def meetings_by_year(*, meetings: QuerySet[Meeting]) -> list[tuple[int, list]]:
    """(year, its meetings) pairs, newest year first, as the list shows them."""
    return [
        (year, list(items))
        for year, items in groupby(meetings, key=lambda meeting: meeting.date.year)
    ]


def meeting_for_lead(*, pk: int) -> Meeting | None:
    """Everything about one meeting, who was there included."""
    return _with_people(_meeting_whole(Meeting.objects.filter(pk=pk))).first()


def meeting_for_member(*, member: User, pk: int) -> Meeting | None:
    """One meeting the member was part of (with who was there, which they
    may see), or None for any other."""
    return (
        _with_people(_meeting_whole(Meeting.objects.filter(pk=pk)))
        .filter(pk__in=meetings_of(member=member).values("pk"))
        .first()
    )


def meeting_for_staff(*, pk: int) -> Meeting | None:
    """One meeting for staff: what it asked and what came of it. Who was
    there (members and guests) is not read at all."""
    return (
        _meeting_whole(Meeting.objects.filter(pk=pk))
        .defer("guests")
        .prefetch_related(
            Prefetch(
                "led_by",
                queryset=User.objects.order_by("first_name", "last_name", "email"),
            )
        )
        .first()
    )


def meeting_viewer_kind(*, person: User, user: User) -> str | None:
    """How someone reads the log outside the lead's screens: "member" (the
    meetings they were part of, `person` being the member a supporter acts
    for), "staff" (every meeting, without who was there), or None."""
    if roles.is_member(person):
        return "member"
    if roles.is_staff_member(user):
        return "staff"
    return None


def meeting_member_choices(*, meeting: Meeting | None = None) -> QuerySet[User]:
    """Who the form offers as leading or attending: current members, and
    anyone already recorded on this meeting (someone who has since left)."""
    current = Q(groups__name=roles.MEMBERS, is_active=True)
    if meeting is not None and meeting.pk:
        current |= Q(meetings_led=meeting) | Q(meetings_attended=meeting)
    return (
        User.objects.filter(
            pk__in=User.objects.filter(current).values("pk"),
        )
        .select_related("profile", "profile__assembly")
        .order_by("first_name", "last_name", "email")
    )


def meetings_public() -> QuerySet[Meeting]:
    """Meetings marked public, newest first, for "What we did"."""
    return (
        Meeting.objects.filter(is_public=True)
        .only("kind", "date", "title", "slug", "question")
        .order_by("-date", "title")
    )


def meeting_public_get(*, slug: str) -> Meeting | None:
    """A public meeting with its outcomes; never who was there."""
    return (
        Meeting.objects.filter(is_public=True, slug=slug)
        .defer("guests", "led_with")
        .prefetch_related(
            Prefetch("outcomes", queryset=Outcome.objects.only("meeting", "text")),
            "workstreams",
        )
        .first()
    )


def meeting_public_url(*, meeting: Meeting) -> str | None:
    """Where the public reads a public meeting, when "What we did" is live."""
    page = WhatWeDidPage.objects.live().first()
    if page is None or not meeting.is_public:
        return None
    return page.meeting_url(meeting)
