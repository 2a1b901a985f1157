"""The payment promise kept visibly: working days counted with the bank
holidays of the member's nation, and each claim's clock read from its event
log (ClaimEvent), never stored a second time.

A claim's clock starts the day it is sent. Each working day after that
counts, except the days the lead waits for the member's answer to a question:
from the day after the question to the day the claim is sent back. The promise
that applies is the one in force when the claim was first sent, so setting a
new promise never moves a date a member has already been shown.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache
from statistics import median

import holidays
from django.utils import timezone

from .models import Claim, ClaimEvent, PaymentPromise

S = Claim.Status
# Each nation's bank holidays (the `holidays` package's UK subdivisions).
# UK-wide or not recorded: England and Wales's, the most common.
SUBDIVISIONS = {
    "england": "ENG",
    "wales": "WLS",
    "scotland": "SCT",
    "northern-ireland": "NIR",
}
DEFAULT_SUBDIVISION = "ENG"
# The lead hears when a claim has used this share of its promise (4 in 5).
NEAR_NUMERATOR, NEAR_DENOMINATOR = 4, 5
# Never count further than this looking for a date (a promise is at most 60).
MOST_DAYS_SEARCHED = 400

Pause = tuple[date, date | None]  # (question asked on, answered on or None)


@lru_cache(maxsize=64)
def _bank_holidays(subdivision: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv=subdivision, years=year))


def subdivision_of(nation: str | None) -> str:
    return SUBDIVISIONS.get(nation or "", DEFAULT_SUBDIVISION)


def is_working_day(day: date, *, nation: str | None) -> bool:
    """Monday to Friday, and not a bank holiday in the nation."""
    return day.weekday() < 5 and day not in _bank_holidays(
        subdivision_of(nation), day.year
    )


def _paused(day: date, pauses: Sequence[Pause]) -> bool:
    return any(
        asked < day and (answered is None or day <= answered)
        for asked, answered in pauses
    )


def _counts(day: date, nation: str | None, pauses: Sequence[Pause]) -> bool:
    return is_working_day(day, nation=nation) and not _paused(day, pauses)


def working_days_between(
    start: date, end: date, *, nation: str | None, pauses: Sequence[Pause] = ()
) -> int:
    """The working days after `start`, up to and including `end`, that were
    not paused. 0 when `end` is not after `start`."""
    days = (end - start).days
    return sum(
        1
        for offset in range(1, max(days, 0) + 1)
        if _counts(start + timedelta(days=offset), nation, pauses)
    )


def working_day_after(
    start: date, count: int, *, nation: str | None, pauses: Sequence[Pause] = ()
) -> date | None:
    """The day on which `count` working days after `start` have passed, or
    None while a pause is still open (the date is not known yet)."""
    if any(answered is None for _, answered in pauses):
        return None
    day, counted = start, 0
    for _ in range(MOST_DAYS_SEARCHED):
        if counted >= count:
            return day
        day += timedelta(days=1)
        if _counts(day, nation, pauses):
            counted += 1
    return None  # pragma: no cover - a promise is at most 60 working days


def promise_in_force(
    promises: Iterable[PaymentPromise], *, at
) -> PaymentPromise | None:
    """The newest promise set at or before `at`; None before the first."""
    candidates = [promise for promise in promises if promise.set_at <= at]
    return max(candidates, key=lambda p: (p.set_at, p.pk), default=None)


@dataclass(frozen=True)
class ClaimClock:
    """A claim measured against its promise on `today`. Its counts are
    worked out once each (a list reads them several times a row)."""

    status: str
    nation: str | None
    promise: PaymentPromise | None
    sent_on: date
    pauses: tuple[Pause, ...]
    approved_on: date | None
    paid_on: date | None
    ended_on: date | None  # paid or not approved: the clock stops
    today: date

    # The promise ------------------------------------------------------------

    @property
    def has_promise(self) -> bool:
        return self.promise is not None

    @property
    def promise_days(self) -> int | None:
        return self.promise.working_days if self.promise else None

    @property
    def is_paused(self) -> bool:
        """Waiting for the member's answer to a question."""
        return self.status == S.QUERIED

    @property
    def is_open(self) -> bool:
        """Still to be paid: to check, waiting for an answer, or to pay."""
        return self.status in (S.SUBMITTED, S.QUERIED, S.APPROVED)

    @cached_property
    def due_on(self) -> date | None:
        """The date it should be paid by: None with no promise, or while
        paused (it moves on by the days the pause lasts)."""
        if not self.promise or self.is_paused:
            return None
        return working_day_after(
            self.sent_on,
            self.promise.working_days,
            nation=self.nation,
            pauses=self.pauses,
        )

    @cached_property
    def used(self) -> int:
        """Working days counted so far (to the day paid, once paid)."""
        end = self.ended_on or self.today
        return working_days_between(
            self.sent_on, end, nation=self.nation, pauses=self.pauses
        )

    @property
    def days_left(self) -> int | None:
        """Working days left before the promise is broken (negative: that
        many late)."""
        if not self.promise:
            return None
        return self.promise.working_days - self.used

    @property
    def is_overdue(self) -> bool:
        """Still open, and past the date it should have been paid by."""
        return bool(
            self.is_open
            and not self.is_paused
            and self.days_left is not None
            and self.days_left < 0
        )

    @property
    def days_late(self) -> int:
        return -self.days_left if self.is_overdue else 0

    @property
    def is_near(self) -> bool:
        """Open, not yet late, and 4 in 5 of the promise's days used."""
        return bool(
            self.is_open
            and not self.is_paused
            and self.promise
            and not self.is_overdue
            and self.used * NEAR_DENOMINATOR
            >= self.promise.working_days * NEAR_NUMERATOR
        )

    # The waits, once they are over --------------------------------------------

    def _between(self, start: date | None, end: date | None) -> int | None:
        if start is None or end is None:
            return None
        return working_days_between(start, end, nation=self.nation, pauses=self.pauses)

    @cached_property
    def sent_to_approved(self) -> int | None:
        return self._between(self.sent_on, self.approved_on)

    @cached_property
    def approved_to_paid(self) -> int | None:
        return self._between(self.approved_on, self.paid_on)

    @cached_property
    def sent_to_paid(self) -> int | None:
        return self._between(self.sent_on, self.paid_on)

    @property
    def paid_within_promise(self) -> bool | None:
        """None until paid, or when no promise applied."""
        if self.sent_to_paid is None or not self.promise:
            return None
        return self.sent_to_paid <= self.promise.working_days

    @property
    def urgency(self) -> tuple:
        """For the lead's list: overdue first, then fewest days left; waiting
        for an answer, or with no promise, after them."""
        if self.is_paused or self.days_left is None:
            return (1, 0, self.sent_on)
        return (0, self.days_left, self.sent_on)


def _local_day(moment) -> date:
    return timezone.localdate(moment)


def claim_clock(
    *,
    claim: Claim,
    events: Sequence[ClaimEvent],
    promises: Iterable[PaymentPromise],
    nation: str | None,
    today: date | None = None,
) -> ClaimClock:
    """The claim's clock from its events (oldest first). The day paid is the
    date the lead recorded with the payment, else the day it was marked."""
    events = sorted(events, key=lambda event: (event.at, event.pk or 0))
    sent_at = events[0].at if events else claim.submitted_at
    pauses, approved_on, paid_on, ended_on = [], None, None, None
    for event in events:
        day = _local_day(event.at)
        if event.to_status == S.QUERIED:
            pauses.append([day, None])
        elif event.to_status == S.SUBMITTED and pauses and pauses[-1][1] is None:
            pauses[-1][1] = day
        elif event.to_status == S.APPROVED:
            approved_on = day
        elif event.to_status == S.PAID:
            paid_on = claim.paid_on or day
            ended_on = paid_on
        elif event.to_status == S.REJECTED:
            ended_on = day
    return ClaimClock(
        status=claim.status,
        nation=nation,
        promise=promise_in_force(promises, at=sent_at),
        sent_on=_local_day(sent_at),
        pauses=tuple((asked, answered) for asked, answered in pauses),
        approved_on=approved_on,
        paid_on=paid_on,
        ended_on=ended_on,
        today=today or timezone.localdate(),
    )


@dataclass(frozen=True)
class WaitFigures:
    """The waits of the claims paid in one year."""

    year: int
    paid: int  # claims paid that year
    measured: int  # of them, those a promise applied to
    within: int  # of those, paid within it
    median_days: float | None
    longest_days: int | None

    @property
    def within_percent(self) -> int | None:
        if not self.measured:
            return None
        return round(self.within * 100 / self.measured)


def wait_figures(*, year: int, clocks: Iterable[ClaimClock]) -> WaitFigures:
    """Median and longest working days from sent to paid, and the share paid
    within the promise, of the claims paid in `year`."""
    paid = [c for c in clocks if c.paid_on and c.paid_on.year == year]
    days = [c.sent_to_paid for c in paid]
    measured = [c for c in paid if c.has_promise]
    return WaitFigures(
        year=year,
        paid=len(paid),
        measured=len(measured),
        within=sum(1 for c in measured if c.paid_within_promise),
        median_days=median(days) if days else None,
        longest_days=max(days) if days else None,
    )
