"""Payments: things the lead arranges and pays for in advance, so the member
need not claim them (line 6)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from core.exceptions import NotAllowed
from notifications.models import Kind, Notification
from payments.models import AdvanceArrangement
from payments.services import arrangement_add, arrangement_mark_paid
from tests.payments_fixtures import lead, new_claim_url, selected
from tests.people import sign_in

pytestmark = pytest.mark.django_db


# Things arranged and paid in advance ---------------------------------------------


def test_the_lead_arranges_a_taxi_in_advance_and_the_member_need_not_claim_it(
    client, demo_site
):
    sign_up = selected()
    sign_in(client, "lead@example.org")
    page_url = reverse("payments:opportunity", args=[sign_up.opportunity.pk])
    assert "Arrange in advance for Dafydd" in client.get(page_url).content.decode()
    arrange = reverse("payments:arrange", args=[sign_up.pk])
    prefix = f"arrange-{sign_up.pk}"
    response = client.post(
        arrange,
        {f"{prefix}-kind": "taxi", f"{prefix}-details": "", f"{prefix}-amount": "-3"},
    )
    assert response.status_code == 400
    assert "Enter an amount of at least £0.01." in response.content.decode()
    client.post(
        arrange,
        {
            f"{prefix}-kind": "taxi",
            f"{prefix}-details": "City Cabs, home to the venue and back",
            f"{prefix}-amount": "30",
        },
    )
    arrangement = AdvanceArrangement.objects.get(sign_up=sign_up)
    assert (arrangement.status, arrangement.amount) == ("arranged", Decimal("30.00"))
    assert arrangement.arranged_by == lead()
    paid = reverse("payments:arrangement_paid", args=[arrangement.pk])
    client.post(
        paid,
        {
            f"paid-{arrangement.pk}-paid_on": timezone.localdate().isoformat(),
            f"paid-{arrangement.pk}-reference": "CARD 42",
        },
    )
    arrangement.refresh_from_db()
    assert (arrangement.status, arrangement.reference) == ("paid", "CARD 42")
    notes = Notification.objects.filter(
        recipient=sign_up.member, kind=Kind.PAYMENT, dedupe_key__startswith="advance-"
    )
    assert {n.dedupe_key for n in notes} == {
        f"advance-arranged:{arrangement.pk}",
        f"advance-paid:{arrangement.pk}",
    }

    sign_in(client, "member@example.org")
    expected = (
        "Already arranged and paid for you: taxi £30.00 — you do not need to "
        "claim this."
    )
    assert expected in client.get(new_claim_url(sign_up)).content.decode()
    assert "City Cabs" in client.get(reverse("payments:mine")).content.decode()


def test_an_advance_payment_is_paid_once_and_never_in_the_future(demo_site):
    sign_up = selected()
    arrangement = arrangement_add(
        sign_up=sign_up, by=lead(), kind="travel", details="Rail", amount=Decimal("40")
    )
    with pytest.raises(NotAllowed, match="future"):
        arrangement_mark_paid(
            arrangement=arrangement,
            by=lead(),
            paid_on=timezone.localdate() + timedelta(days=1),
            reference="X",
        )
    arrangement_mark_paid(
        arrangement=arrangement, by=lead(), paid_on=timezone.localdate(), reference="X"
    )
    with pytest.raises(NotAllowed, match="already been marked paid"):
        arrangement_mark_paid(
            arrangement=arrangement,
            by=lead(),
            paid_on=timezone.localdate(),
            reference="Y",
        )
    with pytest.raises(NotAllowed, match="Only the engagement lead"):
        arrangement_add(
            sign_up=sign_up,
            by=sign_up.member,
            kind="taxi",
            details="Taxi",
            amount=Decimal("10"),
        )
