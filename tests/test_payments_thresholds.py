"""Payments: this tax year's figures beside the benefit thresholds, shown
as information (line 9)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from payments.models import BenefitThreshold, Claim
from payments.selectors import tax_year_of, year_figures
from tests.payments_fixtures import C, claim_at, selected
from tests.people import person, sign_in

pytestmark = pytest.mark.django_db


# This tax year's figures beside the benefit thresholds -----------------------------


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (date(2026, 4, 5), date(2025, 4, 6)),
        (date(2026, 4, 6), date(2026, 4, 6)),
        (date(2027, 1, 15), date(2026, 4, 6)),
    ],
)
def test_the_tax_year_runs_from_6_april_to_5_april(day, start):
    assert tax_year_of(day=day) == (
        start,
        start.replace(year=start.year + 1) - timedelta(days=1),
    )


def paid_claim(email, paid_on, fee_rate="25.00", **fields):
    claim = claim_at(C.PAID, selected(email, fee_rate=fee_rate, **fields))
    Claim.objects.filter(pk=claim.pk).update(paid_on=paid_on)
    return claim


def test_the_year_total_counts_fees_paid_in_this_tax_year_only(demo_site):
    # Far ahead, clear of the demo's own payments.
    today = date(2040, 6, 1)  # in the 9th week of the tax year from 6 April 2040
    paid_claim("member@example.org", date(2040, 4, 6))  # £125
    paid_claim("member@example.org", date(2040, 5, 20), fee_rate="10.00")  # £50
    paid_claim("member@example.org", date(2040, 4, 5))  # last tax year
    approved = claim_at(C.APPROVED, selected())  # not paid yet
    paid_claim("member2@example.org", date(2040, 5, 1))  # someone else's
    figures = year_figures(member=person(), today=today)
    assert figures.total == Decimal("175.00")  # fees only: expenses pay people back
    assert figures.weeks == 9
    assert figures.weekly_average == Decimal("19.44")
    assert approved.fee == Decimal("125.00")


def test_your_payments_shows_the_figures_beside_the_thresholds_as_information(
    client, demo_site
):
    today = timezone.localdate()
    paid_claim("member@example.org", today)
    BenefitThreshold.objects.create(
        name="Carer's Allowance earnings limit",
        amount=Decimal("196.00"),
        period="week",
        applies_from=today - timedelta(days=400),
        link="https://www.gov.uk/carers-allowance",
    )
    BenefitThreshold.objects.create(
        name="Carer's Allowance earnings limit",
        amount=Decimal("151.00"),
        period="week",
        applies_from=today - timedelta(days=800),
    )
    BenefitThreshold.objects.create(
        name="Personal Allowance", amount="12570", period="year", applies_from=today
    )
    sign_in(client, "member@example.org")
    html = client.get(reverse("payments:mine")).content.decode()
    figures = year_figures(member=person(), today=today)
    assert f"<strong>£{figures.total}</strong>" in html
    assert "£196.00 a week" in html
    assert "£151.00" not in html  # the older limit no longer applies
    assert f"£{figures.weekly_average} a week on average" in html
    assert "£12,570.00 a year" in html
    assert "This is information, not advice." in html
    assert "Carers UK / Citizens Advice can help" in html
    assert "over the limit" not in html.lower() and "you are over" not in html.lower()


def test_the_lead_keeps_the_thresholds_in_the_admin(client, demo_site):
    leads = Group.objects.get(name="Engagement leads")
    codenames = set(
        leads.permissions.filter(content_type__app_label="payments").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {
        "add_benefitthreshold",
        "change_benefitthreshold",
        "delete_benefitthreshold",
        # A promise is added, never changed (tests/test_payments_promise.py).
        "add_paymentpromise",
        "view_paymentpromise",
    }
    sign_in(client, "lead@example.org")
    add = reverse("wagtailsnippets_payments_benefitthreshold:add")
    assert client.get(add).status_code == 200
