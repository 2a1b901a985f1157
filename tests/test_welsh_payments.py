"""Payments in Welsh (issue 21): a member's payments page, and the hours
and sessions in their Welsh forms."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from opportunities.models import Opportunity
from payments.selectors import units_text
from tests.welsh_readers import welsh_page

pytestmark = pytest.mark.django_db


def test_a_member_reading_in_welsh_sees_their_payments_in_welsh(client, demo_site):
    page = welsh_page(client, "member@example.org", reverse("payments:mine"))
    assert "<h1>Eich taliadau</h1>" in page
    assert "Y flwyddyn dreth hon" in page
    assert "Your payments" not in page


def test_hours_and_sessions_are_counted_in_welsh():
    with translation.override("cy"):
        assert units_text(units=Decimal("2.5"), fee_basis="per_hour") == "2.5 awr"
        assert (
            units_text(units=Decimal("1"), fee_basis=Opportunity.FeeBasis.PER_SESSION)
            == "1 sesiwn"
        )
    with translation.override("en-gb"):
        assert units_text(units=Decimal("1"), fee_basis="per_hour") == "1 hour"
        assert units_text(units=Decimal("2.5"), fee_basis="per_hour") == "2.5 hours"
