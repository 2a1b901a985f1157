"""Reads for opportunities."""

from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from members.models import User

from .models import EngagementRequest, Opportunity, SignUp


def opportunities_open_for(*, member: User) -> QuerySet[Opportunity]:
    """Open opportunities, those wanting one of the member's skills first."""
    profile = getattr(member, "profile", None)
    # A subquery, not a list read first: one statement.
    skill_ids = profile.skills.values("pk") if profile else []
    return (
        Opportunity.objects.filter(status=Opportunity.Status.OPEN)
        .annotate(
            matches=Count("skills", filter=Q(skills__in=skill_ids), distinct=True),
            session_count=Count("sessions", distinct=True),
            mine=Exists(
                SignUp.objects.filter(
                    opportunity=OuterRef("pk"), member=member, status__in=SignUp.ACTIVE
                )
            ),
        )
        .select_related("workstream")
        .order_by("-matches", "closes_on", "title")
    )


def sign_up_of(*, opportunity: Opportunity, member: User) -> SignUp | None:
    return (
        opportunity.sign_ups.filter(member=member, status__in=SignUp.ACTIVE)
        .order_by("-created_at")
        .first()
    )


def waiting_position(*, entry: SignUp) -> int:
    """1 for the first person waiting."""
    return (
        entry.opportunity.sign_ups.filter(
            status=SignUp.Status.WAITING, created_at__lte=entry.created_at
        )
        .exclude(created_at=entry.created_at, pk__gt=entry.pk)
        .count()
    )


def sign_ups_of(*, member: User) -> QuerySet[SignUp]:
    """A member's current sign-ups, soonest closing first."""
    return (
        SignUp.objects.filter(member=member, status__in=SignUp.ACTIVE)
        .select_related("opportunity")
        .order_by("opportunity__closes_on")
    )


def requests_waiting() -> QuerySet[EngagementRequest]:
    """Requests from staff waiting for the lead's decision."""
    return EngagementRequest.objects.filter(status=EngagementRequest.Status.SUBMITTED)


def requests_waiting_count() -> int:
    return requests_waiting().count()


def requests_of(*, user: User) -> QuerySet[EngagementRequest]:
    """A requester's own requests, those needing their answer first."""
    return (
        EngagementRequest.objects.filter(requested_by=user)
        .select_related("workstream")
        .order_by("-changed_at")
    )


def opportunity_last_session_start(*, opportunity: Opportunity) -> datetime | None:
    last = opportunity.sessions.order_by("-starts_at").first()
    return last.starts_at if last else None


def opportunity_work_done(
    *, opportunity: Opportunity, now: datetime | None = None
) -> bool:
    """Claims open when the work is done: the opportunity is marked completed
    or its last session has begun."""
    if opportunity.status == Opportunity.Status.COMPLETED:
        return True
    if opportunity.status not in (
        Opportunity.Status.SELECTED,
        Opportunity.Status.IN_PROGRESS,
    ):
        return False
    last = opportunity_last_session_start(opportunity=opportunity)
    return last is not None and last <= (now or timezone.now())


def places_taken(*, opportunity: Opportunity) -> int:
    return opportunity.sign_ups.filter(status__in=SignUp.HOLDING).count()
