"""Reads for payments; callers have already checked who may see them."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Case, Exists, IntegerField, OuterRef, Sum, Value, When

from opportunities.fees import to_penny
from opportunities.models import Opportunity, SignUp

from .models import AdvanceArrangement, BenefitThreshold, Claim, ClaimEvent

S = Claim.Status
WAITING = [S.SUBMITTED, S.APPROVED]


def _claims():
    return Claim.objects.select_related(
        "sign_up__opportunity", "sign_up__member"
    ).annotate(
        resubmitted=Exists(
            ClaimEvent.objects.filter(
                claim=OuterRef("pk"), from_status=S.QUERIED, to_status=S.SUBMITTED
            )
        )
    )


def claims_of(member):
    """A member's claims, newest first."""
    return _claims().filter(sign_up__member=member).prefetch_related("expenses")


def claim_latest_query(*, claim) -> ClaimEvent | None:
    """The lead's latest question about the claim, or None if they never
    asked one. One query, however long the claim's history."""
    return claim.events.filter(to_status=S.QUERIED).select_related("by").last()


def claims_to_answer(member):
    """The member's claims the lead has a question about."""
    return claims_of(member).filter(status=S.QUERIED)


def claims_waiting():
    """For the lead: claims to check (oldest first), then approved claims
    still to be paid."""
    return (
        _claims()
        .filter(status__in=WAITING)
        .annotate(
            order=Case(
                When(status=S.SUBMITTED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .prefetch_related("expenses")
        .order_by("order", "submitted_at", "pk")
    )


def claims_waiting_count() -> int:
    return Claim.objects.filter(status__in=WAITING).count()


def claims_others():
    """Everything else: waiting for the member, or finished."""
    return (
        _claims()
        .exclude(status__in=WAITING)
        .prefetch_related("expenses")
        .order_by("-submitted_at", "-pk")
    )


def claimable_sign_ups(member):
    """Where the member was selected and has not claimed yet."""
    return (
        SignUp.objects.filter(
            member=member, status=SignUp.Status.SELECTED, claim__isnull=True
        )
        .select_related("opportunity")
        .order_by("opportunity__title")
    )


def arrangements_of(member):
    return AdvanceArrangement.objects.filter(sign_up__member=member).select_related(
        "sign_up__opportunity"
    )


def opportunities_with_participants():
    """For the lead's advance arrangements: those with people taking part."""
    return (
        Opportunity.objects.filter(sign_ups__status=SignUp.Status.SELECTED)
        .exclude(status=Opportunity.Status.CANCELLED)
        .distinct()
        .order_by("-created_at")
    )


def participants_of(opportunity):
    return (
        opportunity.sign_ups.filter(status=SignUp.Status.SELECTED)
        .select_related("member", "claim")
        .prefetch_related("advance_arrangements")
        .order_by("member__first_name", "member__last_name")
    )


# The tax year and benefit thresholds ---------------------------------------------


def tax_year_of(day: date) -> tuple[date, date]:
    """The UK tax year containing `day`: 6 April to 5 April."""
    start_year = day.year if day >= date(day.year, 4, 6) else day.year - 1
    return date(start_year, 4, 6), date(start_year + 1, 4, 5)


@dataclass(frozen=True)
class YearFigures:
    start: date
    end: date
    total: Decimal
    weeks: int

    @property
    def weekly_average(self) -> Decimal:
        return to_penny(self.total / self.weeks)


def year_figures(member, today: date) -> YearFigures:
    """Fees paid to the member in this tax year, by the date paid. Expenses
    are not earnings, so they are left out."""
    start, end = tax_year_of(today)
    total = Claim.objects.filter(
        sign_up__member=member,
        status=S.PAID,
        paid_on__gte=start,
        paid_on__lte=end,
    ).aggregate(total=Sum("fee"))["total"] or Decimal("0")
    # Weeks of the tax year so far, counting the one we are in.
    weeks = (today - start).days // 7 + 1
    return YearFigures(start=start, end=end, total=to_penny(total), weeks=weeks)


def thresholds_current(today: date) -> list[BenefitThreshold]:
    """Each threshold as it stands today: the newest amount in force."""
    current = {}
    for threshold in BenefitThreshold.objects.filter(applies_from__lte=today).order_by(
        "name", "-applies_from"
    ):
        current.setdefault(threshold.name, threshold)
    return list(current.values())
