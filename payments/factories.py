"""Factories for claims (made the way a member sends one, or recorded as
they stand, with their history), their expense lines, things the lead
arranges in advance and benefit thresholds. Imports payments' own models
and services and the opportunities factories below them."""

from datetime import date
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from members.factories import UserFactory
from members.roles import ENGAGEMENT_LEADS
from opportunities.factories import SignUpFactory
from opportunities.models import Opportunity

from .models import (
    AdvanceArrangement,
    BenefitThreshold,
    Claim,
    ClaimEvent,
    ExpenseKind,
    ExpenseLine,
    PaymentPromise,
)
from .services import ExpenseInput, claim_submit, fee_for

# The smallest file the receipt check takes for a PDF.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def receipt_pdf(name: str = "receipt.pdf", content: bytes = PDF):
    """A receipt as the claim form receives it."""
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class ClaimFactory(factory.Factory):
    """A claim sent through services.claim_submit for a member selected for
    a completed opportunity: 5 hours and a £12.40 train fare with its
    receipt. ClaimFactory(status=Claim.Status.PAID) puts it in that state
    straight away, the way a test needs to start from one."""

    class Meta:
        model = Claim

    sign_up = factory.SubFactory(
        SignUpFactory,
        selected=True,
        opportunity__status=Opportunity.Status.COMPLETED,
    )
    units = Decimal("5")
    expenses = factory.LazyFunction(
        lambda: [
            ExpenseInput(ExpenseKind.TRAVEL, "Train", Decimal("12.40"), receipt_pdf())
        ]
    )
    status = Claim.Status.SUBMITTED

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("A claim is sent through claim_submit: use create.")

    @classmethod
    def _create(cls, model_class, *, sign_up, units, expenses, status):
        claim = claim_submit(
            sign_up=sign_up, units=units, expenses=expenses, actor=sign_up.member
        )
        if status != Claim.Status.SUBMITTED:
            model_class.objects.filter(pk=claim.pk).update(status=status)
            claim.refresh_from_db()
        return claim


class RecordedClaimFactory(factory.django.DjangoModelFactory):
    """A claim as it stands, written straight to its table: no event, no
    notification, no receipt check. For history whose journey happened long
    ago (add its steps with ClaimEventFactory); a claim sent today is
    ClaimFactory's."""

    class Meta:
        model = Claim

    sign_up = factory.SubFactory(
        SignUpFactory,
        selected=True,
        opportunity__status=Opportunity.Status.COMPLETED,
    )
    units = Decimal("5")
    fee = factory.LazyAttribute(lambda o: fee_for(sign_up=o.sign_up, units=o.units))
    status = Claim.Status.SUBMITTED


class ClaimEventFactory(factory.django.DjangoModelFactory):
    """One step in a claim's history: by default the member sending it."""

    class Meta:
        model = ClaimEvent

    claim = factory.SubFactory(RecordedClaimFactory)
    by = factory.SelfAttribute("claim.sign_up.member")
    to_status = Claim.Status.SUBMITTED


class ExpenseLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpenseLine

    claim = factory.SubFactory(ClaimFactory, expenses=[])
    kind = ExpenseKind.TRAVEL
    description = "Bus to the meeting"
    amount = Decimal("4.80")
    receipt = factory.LazyFunction(receipt_pdf)
    receipt_name = "receipt.pdf"


class AdvanceArrangementFactory(factory.django.DjangoModelFactory):
    """A taxi the lead has booked and will pay for."""

    class Meta:
        model = AdvanceArrangement

    sign_up = factory.SubFactory(SignUpFactory, selected=True)
    kind = AdvanceArrangement.Kind.TAXI
    details = "Taxi from home to the meeting and back"
    amount = Decimal("32.00")
    arranged_by = factory.SubFactory(UserFactory, groups=[ENGAGEMENT_LEADS])


class BenefitThresholdFactory(factory.django.DjangoModelFactory):
    """An earnings limit the lead keeps, shown beside members' totals."""

    class Meta:
        model = BenefitThreshold

    name = "Carer's Allowance earnings limit"
    amount = Decimal("196.00")
    period = BenefitThreshold.Period.WEEK
    applies_from = date(2025, 4, 7)


class PaymentPromiseFactory(factory.django.DjangoModelFactory):
    """The lead's promise: paid within 10 working days of a complete claim."""

    class Meta:
        model = PaymentPromise

    working_days = 10
    set_by = factory.SubFactory(UserFactory, groups=[ENGAGEMENT_LEADS])
