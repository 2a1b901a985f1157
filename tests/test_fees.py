"""The fee computed in one place (issue 15, line 11): what a member is
promised (the email, the list, the opportunity page where they sign up) is
what their claim works out and what the figures count, to the penny, for
awkward rates and hours. Before, £10.01 an hour for half an hour was
promised as £5.00 and claimed as £5.01."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from opportunities import fees
from opportunities.factories import OpportunityFactory
from opportunities.models import Opportunity, SignUp
from opportunities.services import opportunity_move, opportunity_select
from payments.models import Claim
from payments.services import claim_approve, claim_mark_paid
from tests.payments_fixtures import form_data
from tests.people import person, sign_in

pytestmark = pytest.mark.django_db

S = Opportunity.Status

# (fee basis, rate, hours a session, sessions, what one person earns)
AWKWARD = [
    ("per_hour", "10.01", "0.5", 1, "5.01"),  # £5.005: the finding
    ("per_hour", "10.01", "0.75", 1, "7.51"),  # £7.5075
    ("per_hour", "10.01", "1.25", 1, "12.51"),  # £12.5125
    ("per_hour", "12.35", "2.5", 7, "216.13"),  # 17.5 hours: £216.125
    ("per_hour", "9.99", "0.25", 3, "7.49"),  # £7.4925
    ("per_hour", "450.05", "2.5", 1, "1,125.13"),  # £1,125.125
    ("per_session", "33.33", "2", 3, "99.99"),
]


def promised(html: str) -> str:
    match = re.search(r"You would earn £([\d,.]+) in all", html)
    assert match, "no promise on the page"
    return match.group(1)


@pytest.mark.parametrize(("basis", "rate", "hours", "sessions", "earns"), AWKWARD)
def test_the_promise_and_the_claim_agree_to_the_penny(
    client, demo_site, basis, rate, hours, sessions, earns
):
    lead = person("lead@example.org")
    dafydd = person("member@example.org")
    title = f"Awkward fee {rate} x {hours} x {sessions}"
    opportunity = OpportunityFactory(
        status=S.DRAFT,
        fee_basis=basis,
        fee_rate=rate,
        sessions=sessions,
        title=title,
        places=3,
    )
    Opportunity.objects.filter(pk=opportunity.pk).update(
        hours_per_session=Decimal(hours)
    )
    opportunity.refresh_from_db()
    opportunity_move(opportunity=opportunity, to=S.OPEN)

    # The promise: the email, the list and the page the member signs up on.
    email = Notification.objects.get(
        recipient=dafydd, dedupe_key=f"opportunity-opened:{opportunity.pk}"
    )
    assert f"You would earn £{earns} in all" in email.body
    sign_in(client, dafydd.email)
    listing = client.get(reverse("opportunities:list")).content.decode()
    card = listing.split(title)[1].split("</dl>")[0]
    assert f"£{earns} in all" in card
    detail_url = reverse("opportunities:detail", args=[opportunity.pk])
    assert promised(client.get(detail_url).content.decode()) == earns
    response = client.post(
        reverse("opportunities:sign_up", args=[opportunity.pk]),
        {"note": "", "support_needs": ""},
    )
    assert response.status_code == 302
    page = client.get(detail_url).content.decode()
    assert "You are signed up" in page
    assert promised(page) == earns

    # The lead selects; the work is done.
    entry = SignUp.objects.get(opportunity=opportunity, member=dafydd)
    opportunity_move(opportunity=opportunity, to=S.CLOSED)
    opportunity_select(
        opportunity=opportunity, chosen=[entry], reason="Chosen", by=lead
    )
    opportunity.refresh_from_db()
    opportunity_move(opportunity=opportunity, to=S.IN_PROGRESS)
    opportunity_move(opportunity=opportunity, to=S.COMPLETED)

    # The claim, sent as the form offers it.
    claim_url = reverse("payments:claim_add", args=[entry.pk])
    form = client.get(claim_url).content.decode()
    assert f"your fee is <strong>£{earns}</strong>" in form
    units = re.search(r'name="units" value="([^"]*)"', form).group(1)
    assert client.post(claim_url, form_data(units=units)).status_code == 302
    claim = Claim.objects.get(sign_up=entry)
    assert f"{claim.fee:,}" == earns
    shown = client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert f"£{earns}:" in shown

    # The figures count what was paid: the same amount.
    claim_approve(claim=claim, by=lead)
    claim_mark_paid(
        claim=claim, by=lead, paid_on=timezone.localdate(), reference="BACS-9"
    )
    year = timezone.localtime(opportunity.sessions.first().starts_at).year
    sign_in(client, lead.email)
    response = client.get(reverse("figures:csv", args=[year]))
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    row = next(r for r in rows if r["Opportunity"] == title)
    assert Decimal(row["Fee paid (£)"]) == Decimal(earns.replace(",", ""))


@pytest.mark.parametrize(
    ("rate", "units", "fee"),
    [
        ("10.01", "0.5", "5.01"),
        ("10.00", "0.5", "5.00"),
        ("0.01", "0.5", "0.01"),  # half a penny rounds up
        ("0.01", "0.25", "0.00"),
        ("33.33", "3", "99.99"),
        ("9999.99", "0.25", "2500.00"),  # £2499.9975
    ],
)
def test_one_rounding_rule_to_the_penny_half_up(rate, units, fee):
    worked_out = fees.fee_for(rate=Decimal(rate), units=Decimal(units))
    assert worked_out == Decimal(fee)
    assert worked_out.as_tuple().exponent == -2  # always pounds and pence
