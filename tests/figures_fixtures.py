"""Records the figures tests count (tests/test_figures.py and the browser's
figures pages): work done in a given year and the people who took part,
with their claims as the lead left them."""

from datetime import date, datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from opportunities.factories import (
    OpportunityFactory,
    SessionFactory,
    SignUpFactory,
    WorkstreamFactory,
)
from payments.factories import ExpenseLineFactory
from payments.models import Claim
from tests.people import person


def work(year, *, month=3, workstream="Evaluation", status="completed", title=None):
    """A one-session opportunity of 2 hours at £25 an hour (£50 a person)."""
    opportunity = OpportunityFactory(
        title=title or f"Evaluation panel {year}-{month}",
        summary="Read and discuss.",
        workstream=WorkstreamFactory(name=workstream),
        hours_per_session=Decimal("2"),
        places=5,
        closes_on=date(year, month, 1),
        status=status,
        sessions=0,
    )
    start = timezone.make_aware(datetime(year, month, 10, 10))
    SessionFactory(
        opportunity=opportunity, starts_at=start, ends_at=start.replace(hour=12)
    )
    return opportunity


def took_part(opportunity, email, *, claim="paid", declines_fee=False, expenses=()):
    """`email` was selected and did the work; with `claim`, their claim for
    the £50 fee (nothing if they declined it) is in that state."""
    entry = SignUpFactory(
        opportunity=opportunity,
        member=person(email),
        selected=True,
        declines_fee=declines_fee,
    )
    if claim:
        made = Claim.objects.create(
            sign_up=entry,
            units=Decimal("2"),
            fee=Decimal("0.00") if declines_fee else Decimal("50.00"),
            status=claim,
            paid_on=date(opportunity.closes_on.year, 4, 1) if claim == "paid" else None,
            payment_reference="BACS-1" if claim == "paid" else "",
        )
        for amount in expenses:
            ExpenseLineFactory(
                claim=made,
                description="Train",
                amount=Decimal(amount),
                receipt=ContentFile(b"%PDF-1.4 receipt", name="train.pdf"),
                receipt_name="",
            )
    return entry
