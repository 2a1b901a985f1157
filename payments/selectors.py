"""Reads for payments; callers have already checked who may see them."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.utils.translation import ngettext

from members.models import User
from opportunities import fees
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


def claims_of(*, member: User) -> QuerySet[Claim]:
    """A member's claims, newest first."""
    return _claims().filter(sign_up__member=member).prefetch_related("expenses")


def claim_latest_query(*, claim: Claim) -> ClaimEvent | None:
    """The lead's latest question about the claim, or None if they never
    asked one. One query, however long the claim's history."""
    return claim.events.filter(to_status=S.QUERIED).select_related("by").last()


def claims_to_answer(*, member: User) -> QuerySet[Claim]:
    """The member's claims the lead has a question about."""
    return claims_of(member=member).filter(status=S.QUERIED)


def claims_waiting() -> QuerySet[Claim]:
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


def claims_waiting_all() -> QuerySet[Claim]:
    """Every claim waiting for the lead, unordered: for counting."""
    return Claim.objects.filter(status__in=WAITING)


def claims_waiting_count() -> int:
    return claims_waiting_all().count()


def claims_others() -> QuerySet[Claim]:
    """Everything else: waiting for the member, or finished."""
    return (
        _claims()
        .exclude(status__in=WAITING)
        .prefetch_related("expenses")
        .order_by("-submitted_at", "-pk")
    )


def sign_ups_claimable(*, member: User) -> QuerySet[SignUp]:
    """Where the member was selected and has not claimed yet."""
    return (
        SignUp.objects.filter(
            member=member, status=SignUp.Status.SELECTED, claim__isnull=True
        )
        .select_related("opportunity")
        .order_by("opportunity__title")
    )


def arrangements_of(*, member: User) -> QuerySet[AdvanceArrangement]:
    return AdvanceArrangement.objects.filter(sign_up__member=member).select_related(
        "sign_up__opportunity"
    )


def opportunities_with_participants() -> QuerySet[Opportunity]:
    """For the lead's advance arrangements: those with people taking part."""
    return (
        Opportunity.objects.filter(sign_ups__status=SignUp.Status.SELECTED)
        .exclude(status=Opportunity.Status.CANCELLED)
        .distinct()
        .order_by("-created_at")
    )


def participants_of(*, opportunity: Opportunity) -> QuerySet[SignUp]:
    return (
        opportunity.sign_ups.filter(status=SignUp.Status.SELECTED)
        .select_related("member", "claim")
        .prefetch_related("advance_arrangements")
        .order_by("member__first_name", "member__last_name")
    )


# The tax year and benefit thresholds ---------------------------------------------


def tax_year_of(*, day: date) -> tuple[date, date]:
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


def year_figures(*, member: User, today: date) -> YearFigures:
    """Fees paid to the member in this tax year, by the date paid. Expenses
    are not earnings, so they are left out."""
    start, end = tax_year_of(day=today)
    total = Claim.objects.filter(
        sign_up__member=member,
        status=S.PAID,
        paid_on__gte=start,
        paid_on__lte=end,
    ).aggregate(total=Sum("fee"))["total"] or Decimal("0")
    # Weeks of the tax year so far, counting the one we are in.
    weeks = (today - start).days // 7 + 1
    return YearFigures(start=start, end=end, total=to_penny(total), weeks=weeks)


def thresholds_current(*, today: date) -> list[BenefitThreshold]:
    """Each threshold as it stands today: the newest amount in force."""
    current = {}
    for threshold in BenefitThreshold.objects.filter(applies_from__lte=today).order_by(
        "name", "-applies_from"
    ):
        current.setdefault(threshold.name, threshold)
    return list(current.values())


def units_text(*, units: Decimal, fee_basis: str) -> str:
    """'5 hours', '1 session', '2.5 hours'."""
    number = f"{units.normalize():f}"
    # Whole numbers choose their own form; 2.5 takes the general plural.
    count = int(units) if units == units.to_integral_value() else 3
    if fee_basis == Opportunity.FeeBasis.PER_SESSION:
        text = ngettext("%(number)s session", "%(number)s sessions", count)
    else:
        text = ngettext("%(number)s hour", "%(number)s hours", count)
    return text % {"number": number}


def units_agreed(*, sign_up: SignUp) -> Decimal:
    """What was agreed in advance: every session's hours for a per-hour fee,
    the number of sessions for a per-session fee."""
    return fees.agreed_units(sign_up.opportunity)


def fee_for(*, sign_up: SignUp, units: Decimal) -> Decimal:
    """The fee, in pounds and pence: nothing for someone who declined it.
    Worked out by opportunities/fees.py, as the promise on the opportunity
    page is, so the two agree to the penny."""
    if sign_up.declines_fee:
        return Decimal("0.00")
    return fees.fee_for(rate=sign_up.opportunity.fee_rate, units=units)
