"""The group's figures, computed from the records (sign-ups, claims and
advance payments), never typed in: a year is the calendar year in which the
work began, so a year's figures do not move when a claim is paid late.

One engagement is one person taking part in one opportunity. It is *paid*
when its fee has been paid; someone who declined the fee is involved, not
paid. Hours are those approved on the claim, or the planned hours until then.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Min, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.charts import change_percent
from members.models import Membership
from opportunities import fees
from opportunities.models import Opportunity, SignUp
from payments.models import AdvanceArrangement, Claim

ZERO = Decimal("0.00")
# The row that stands for the groups too small to show staff on their own.
OTHER = gettext_lazy("Other (small groups)")
# Work that went ahead: the selection was made and it was not cancelled.
WENT_AHEAD = [
    Opportunity.Status.SELECTED,
    Opportunity.Status.IN_PROGRESS,
    Opportunity.Status.COMPLETED,
]


@dataclass(frozen=True)
class Engagement:
    member: object
    member_name: str
    opportunity: Opportunity
    workstream: str
    assembly: str
    year: int
    began_on: object
    hours: Decimal
    fee: Decimal
    expenses: Decimal
    claim: Claim | None
    advances: tuple

    @property
    def paid(self) -> bool:
        return self.fee > 0


@dataclass
class Totals:
    """What a set of engagements adds up to."""

    engagements: int = 0
    opportunities: set = field(default_factory=set)
    people: set = field(default_factory=set)
    hours: Decimal = ZERO
    fees: Decimal = ZERO
    expenses: Decimal = ZERO
    # Too few people to show without pointing at someone (see small_groups_merged).
    hidden: bool = False

    def add(self, engagement: Engagement) -> None:
        self.people.add(engagement.member.pk)
        self.hours += engagement.hours
        self.expenses += engagement.expenses
        if engagement.paid:
            self.engagements += 1
            self.opportunities.add(engagement.opportunity.pk)
            self.fees += engagement.fee

    def absorb(self, other: "Totals") -> None:
        """Add another group's totals to these (people counted once)."""
        self.engagements += other.engagements
        self.opportunities |= other.opportunities
        self.people |= other.people
        self.hours += other.hours
        self.fees += other.fees
        self.expenses += other.expenses

    def measures(self) -> dict[str, tuple[Decimal | int, str]]:
        """Each measure with its unit: a count, hours or money."""
        return {
            _("Paid engagements (one person, one opportunity)"): (
                self.engagements,
                "count",
            ),
            _("Opportunities with paid work"): (len(self.opportunities), "count"),
            _("People involved"): (len(self.people), "count"),
            _("Hours"): (self.hours, "hours"),
            _("Fees paid (£)"): (self.fees, "money"),
            _("Expenses paid (£)"): (self.expenses, "money"),
        }


def _assembly_on(member, day) -> str:
    """The Assembly the person belonged to when the work began."""
    for spell in member.memberships.all():
        if spell.started_on <= day and (
            spell.ended_on is None or spell.ended_on >= day
        ):
            return spell.assembly.name
    profile = getattr(member, "profile", None)
    return profile.assembly.name if profile and profile.assembly else _("Not recorded")


def _claim_of(entry) -> Claim | None:
    try:
        return entry.claim
    except Claim.DoesNotExist:
        return None


def _hours(entry, claim) -> Decimal:
    """The hours approved on the claim, else those agreed (opportunities/fees.py
    turns sessions into hours for the promise and the claim alike)."""
    opportunity = entry.opportunity
    if claim and claim.status in (Claim.Status.APPROVED, Claim.Status.PAID):
        return fees.hours_for(opportunity, claim.units)
    return fees.hours_for(opportunity, fees.agreed_units(opportunity))


def engagements_list() -> list[Engagement]:
    """Every engagement that went ahead, in a fixed number of queries."""
    entries = (
        SignUp.objects.filter(
            status=SignUp.Status.SELECTED, opportunity__status__in=WENT_AHEAD
        )
        .annotate(
            began=Min("opportunity__sessions__starts_at"),
            session_count=Count("opportunity__sessions", distinct=True),
        )
        .select_related(
            "member", "member__profile__assembly", "opportunity__workstream", "claim"
        )
        .prefetch_related(
            Prefetch(
                "member__memberships",
                queryset=Membership.objects.select_related("assembly"),
            ),
            "claim__expenses",
            Prefetch(
                "advance_arrangements",
                queryset=AdvanceArrangement.objects.filter(
                    status=AdvanceArrangement.Status.PAID
                ),
                to_attr="advances_paid",
            ),
        )
    )
    found = []
    for entry in entries:
        if entry.began is None:
            continue
        entry.opportunity.session_count = entry.session_count
        began_on = timezone.localdate(entry.began)
        claim = _claim_of(entry)
        paid = claim if claim and claim.status == Claim.Status.PAID else None
        advances = tuple(entry.advances_paid)
        profile = getattr(entry.member, "profile", None)
        found.append(
            Engagement(
                member=entry.member,
                member_name=profile.display_name
                if profile
                else entry.member.get_full_name(),
                opportunity=entry.opportunity,
                workstream=entry.opportunity.workstream.name,
                assembly=_assembly_on(entry.member, began_on),
                year=began_on.year,
                began_on=began_on,
                hours=_hours(entry, claim),
                fee=paid.fee if paid else ZERO,
                expenses=(paid.expenses_total() if paid else ZERO)
                + sum((a.amount for a in advances), ZERO),
                claim=claim,
                advances=advances,
            )
        )
    return sorted(found, key=lambda e: (e.began_on, e.opportunity.title, e.member_name))


def engagement_years(*, found: list[Engagement]) -> list[int]:
    return sorted({e.year for e in found})


def engagement_totals(*, found: list[Engagement], year: int) -> Totals:
    result = Totals()
    for engagement in found:
        if engagement.year == year:
            result.add(engagement)
    return result


def engagement_totals_by(
    *, found: list[Engagement], year: int, key: str
) -> list[tuple[str, Totals]]:
    """One year's totals for each workstream, Assembly or member name."""
    groups: dict[str, Totals] = defaultdict(Totals)
    for engagement in found:
        if engagement.year == year:
            groups[getattr(engagement, key)].add(engagement)
    return sorted(groups.items())


def small_groups_merged(
    *, rows: list[tuple[str, Totals]], minimum: int
) -> list[tuple[str, Totals]]:
    """The rows staff see: every group of fewer than `minimum` people is
    added into one "Other (small groups)" row, so no one's hours or fees can
    be picked out. Should that row still be too small, the smallest groups
    shown join it: otherwise the year's totals, less the rows shown, would
    give it away. If even everyone together is too few, its figures are
    hidden."""
    shown = [row for row in rows if len(row[1].people) >= minimum]
    small = [totals for _name, totals in rows if len(totals.people) < minimum]
    if not small:
        return rows
    other = Totals()
    for totals in small:
        other.absorb(totals)
    shown.sort(key=lambda row: (len(row[1].people), row[0]))
    while len(other.people) < minimum and shown:
        other.absorb(shown.pop(0)[1])
    other.hidden = len(other.people) < minimum
    return [*sorted(shown, key=lambda row: row[0]), (str(OTHER), other)]


def figure_change(*, now: Decimal | int, before: Decimal | int) -> int | None:
    """The percentage change from one year to the next, to a whole number;
    None when there is nothing to compare with. Worked out in one place for
    the whole site (core.charts.change_percent)."""
    return change_percent(before=before, after=now)


def year_comparison(*, found: list[Engagement], year: int) -> list[dict]:
    """Each measure this year beside last year, with the change."""
    now = engagement_totals(found=found, year=year).measures()
    before = engagement_totals(found=found, year=year - 1).measures()
    return [
        {
            "measure": measure,
            "unit": unit,
            "before": before[measure][0],
            "now": value,
            "change": figure_change(now=value, before=before[measure][0]),
        }
        for measure, (value, unit) in now.items()
    ]
