"""The fee, worked out in one place: what a member is promised on the
opportunity page, the email and the lead's screens, what their claim works
out, what the figures count and what the demo writes all come from here, so
the promise and the claim cannot disagree by a penny.

One rounding rule: to the penny, a half penny up (the way people round money
by hand; Decimal's default would round £5.005 down to £5.00 on the page and
the claim up to £5.01). Imports nothing from the project, so payments,
figures and the demo, all higher up, can use it."""

from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")


def to_penny(amount: Decimal) -> Decimal:
    """The one rounding rule for money: to the penny, a half penny up."""
    return Decimal(amount).quantize(PENNY, rounding=ROUND_HALF_UP)


def fee_for(*, rate: Decimal, units: Decimal) -> Decimal:
    """The rate times the hours or sessions, to the penny."""
    return to_penny(Decimal(rate) * Decimal(units))


def session_count(opportunity) -> int:
    """Lists and the figures annotate `session_count`, so they need no query
    per row; otherwise the sessions are counted."""
    count = getattr(opportunity, "session_count", None)
    return opportunity.sessions.count() if count is None else count


def agreed_units(opportunity) -> Decimal:
    """What is agreed in advance for one person: every session's hours for a
    per-hour fee, the number of sessions for a per-session fee."""
    sessions = session_count(opportunity)
    if opportunity.fee_basis == opportunity.FeeBasis.PER_SESSION:
        return Decimal(sessions)
    return (opportunity.hours_per_session * sessions).quantize(PENNY)


def hours_for(opportunity, units: Decimal) -> Decimal:
    """The hours a number of units stands for (sessions become hours)."""
    if opportunity.fee_basis == opportunity.FeeBasis.PER_SESSION:
        return units * opportunity.hours_per_session
    return units


def total_fee(opportunity) -> Decimal:
    """What one person earns for the whole opportunity, known in advance."""
    return fee_for(rate=opportunity.fee_rate, units=agreed_units(opportunity))
