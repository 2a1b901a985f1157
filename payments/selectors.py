"""Reads for payments; callers have already checked who may see them."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import groupby

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.utils import timezone
from django.utils.translation import ngettext

from members.models import User
from opportunities import fees
from opportunities.fees import to_penny
from opportunities.models import Opportunity, SignUp

from .models import (
    AdvanceArrangement,
    BenefitThreshold,
    Claim,
    ClaimEvent,
    PaymentPromise,
)
from .promise import ClaimClock, WaitFigures, claim_clock, wait_figures

S = Claim.Status
WAITING = [S.SUBMITTED, S.APPROVED]


def _claims():
    return Claim.objects.select_related(
        "sign_up__opportunity", "sign_up__member__profile__assembly"
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


# The payment promise ---------------------------------------------------------------


def promises_all() -> list[PaymentPromise]:
    """Every promise ever set, newest first: a handful of rows."""
    return list(PaymentPromise.objects.select_related("set_by"))


def promise_current() -> PaymentPromise | None:
    return PaymentPromise.objects.order_by("-set_at", "-pk").first()


def nation_of(*, member: User) -> str | None:
    """The nation whose bank holidays count for the member: their
    Assembly's. None (England and Wales's) when not recorded."""
    profile = getattr(member, "profile", None)
    assembly = profile.assembly if profile else None
    return assembly.nation if assembly else None


def with_events(*, claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """The claims with their event logs, oldest event first (one query)."""
    return claims.prefetch_related(
        Prefetch("events", queryset=ClaimEvent.objects.order_by("at", "pk"))
    )


def clocks_attach(
    *,
    claims: QuerySet[Claim] | list[Claim],
    promises: list[PaymentPromise] | None = None,
    today: date | None = None,
) -> list[Claim]:
    """Each claim with `.clock` (payments/promise.py). The claims come from
    with_events(); the member's Assembly from select_related."""
    promises = promises_all() if promises is None else promises
    claims = list(claims)
    for claim in claims:
        claim.clock = claim_clock(
            claim=claim,
            events=claim.events.all(),
            promises=promises,
            nation=nation_of(member=claim.sign_up.member),
            today=today,
        )
    return claims


def clock_of(
    *, claim: Claim, events: list[ClaimEvent] | None = None, today: date | None = None
) -> ClaimClock:
    """One claim's clock: from `events` when the caller has read them, else
    one query for them; one for the promises."""
    member = claim.sign_up.member
    return claim_clock(
        claim=claim,
        events=claim.events.order_by("at", "pk") if events is None else events,
        promises=promises_all(),
        nation=nation_of(member=member),
        today=today,
    )


def _claims_clocked(
    *, claims: QuerySet[Claim], today: date | None = None
) -> list[Claim]:
    """`claims`, each with `.clock`, its opportunity and its member's
    Assembly, in one statement: the claims' events, each with its claim, and
    the promise in force at the event (the first event's is the claim's). A
    claim with no events was never sent, so it is left out."""
    in_force = PaymentPromise.objects.filter(set_at__lte=OuterRef("at")).order_by(
        "-set_at", "-pk"
    )
    events = (
        ClaimEvent.objects.filter(claim__in=claims.values("pk"))
        .select_related(
            "claim__sign_up__opportunity", "claim__sign_up__member__profile__assembly"
        )
        .annotate(
            promise_pk=Subquery(in_force.values("pk")[:1]),
            promise_days=Subquery(in_force.values("working_days")[:1]),
            promise_set_at=Subquery(in_force.values("set_at")[:1]),
        )
        .order_by("claim_id", "at", "pk")
    )
    clocked = []
    for _claim_pk, found in groupby(events, key=lambda event: event.claim_id):
        found = list(found)
        first_event, claim = found[0], found[0].claim
        promises = (
            [
                PaymentPromise(
                    pk=first_event.promise_pk,
                    working_days=first_event.promise_days,
                    set_at=first_event.promise_set_at,
                )
            ]
            if first_event.promise_pk
            else []
        )
        claim.clock = claim_clock(
            claim=claim,
            events=found,
            promises=promises,
            nation=nation_of(member=claim.sign_up.member),
            today=today,
        )
        clocked.append(claim)
    return clocked


def claims_late_count(*, today: date | None = None) -> int:
    """How many claims waiting for the lead are past the payment promise
    (the lead's home page). One query however many claims."""
    claims = _claims_clocked(claims=claims_waiting_all(), today=today)
    return sum(claim.clock.is_overdue for claim in claims)


def claims_open_of(*, member: User, today: date | None = None) -> list[Claim]:
    """The member's claims still to be paid (to check, with a question for
    them, or to pay), oldest first, each with `.clock`: the member's home
    page. One query however many claims."""
    claims = Claim.objects.filter(
        sign_up__member=member, status__in=[*WAITING, S.QUERIED]
    )
    return _claims_clocked(claims=claims, today=today)


def payment_waits(
    *, year: int, member: User | None = None
) -> tuple[WaitFigures, WaitFigures]:
    """How long the claims paid in `year`, and in the year before, waited
    from sent to paid, against the payment promise: (the year before, the
    year). A claim counts in the year it was paid (the date the lead
    recorded, else the day it was marked paid). With `member`, their own
    claims alone. One query however many claims."""
    first, last = date(year - 1, 1, 1), date(year, 12, 31)
    # Marked paid with no date recorded: the day it was marked, read in the
    # site's time zone by the clock; a day's margin either side here.
    marked = ClaimEvent.objects.filter(
        claim=OuterRef("pk"),
        to_status=S.PAID,
        at__gte=timezone.make_aware(
            datetime.combine(first - timedelta(days=1), time())
        ),
        at__lt=timezone.make_aware(datetime.combine(last + timedelta(days=2), time())),
    )
    claims = Claim.objects.annotate(has_marked=Exists(marked)).filter(
        Q(paid_on__range=(first, last)) | Q(paid_on__isnull=True, has_marked=True),
        status=S.PAID,
    )
    if member is not None:
        claims = claims.filter(sign_up__member=member)
    clocks = [claim.clock for claim in _claims_clocked(claims=claims)]
    return (
        wait_figures(year=year - 1, clocks=clocks),
        wait_figures(year=year, clocks=clocks),
    )


def claim_latest_query(*, claim: Claim) -> ClaimEvent | None:
    """The lead's latest question about the claim, or None if they never
    asked one. One query, however long the claim's history."""
    return claim.events.filter(to_status=S.QUERIED).select_related("by").last()


def claims_waiting(*, today: date | None = None) -> list[Claim]:
    """For the lead: claims to check or to pay, in order of how close they
    are to the payment promise, overdue first (each with `.clock`)."""
    claims = clocks_attach(
        claims=with_events(
            claims=_claims()
            .filter(status__in=WAITING)
            .prefetch_related("expenses")
            .order_by("submitted_at", "pk")
        ),
        today=today,
    )
    return sorted(claims, key=lambda claim: claim.clock.urgency)


def claims_waiting_all() -> QuerySet[Claim]:
    """Every claim waiting for the lead, unordered: for counting."""
    return Claim.objects.filter(status__in=WAITING)


def claims_waiting_count() -> int:
    return claims_waiting_all().count()


def claims_others(*, today: date | None = None) -> list[Claim]:
    """Everything else, newest first: waiting for the member (the clock
    paused), or finished (each with `.clock`)."""
    return clocks_attach(
        claims=with_events(
            claims=_claims()
            .exclude(status__in=WAITING)
            .prefetch_related("expenses")
            .order_by("-submitted_at", "-pk")
        ),
        today=today,
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
