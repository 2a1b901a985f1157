"""Payments on the dashboard and in the menu: claims waiting, questions to
answer, and claims opening once the work is done."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from core.exceptions import NotAllowed
from opportunities.models import Opportunity
from payments.selectors import claims_waiting_count
from payments.services import claim_submit
from tests.payments_fixtures import C, claim_at, new_claim_url, selected
from tests.people import sign_in

pytestmark = pytest.mark.django_db


# The dashboard and the menu ------------------------------------------------------


def test_the_dashboard_shows_claims_waiting_and_questions_to_answer(client, demo_site):
    claim_at(C.SUBMITTED)
    queried = claim_at(C.QUERIED, selected("member2@example.org", title="Easy Read"))
    sign_in(client, "lead@example.org")
    html = client.get(reverse("intranet:home")).content.decode()
    waiting = claims_waiting_count()
    assert "Claims waiting" in html
    assert f"{waiting} claim{'s' if waiting > 1 else ''} to check or to pay." in html
    sign_in(client, "member2@example.org")
    html = client.get(reverse("intranet:home")).content.decode()
    assert "A question about your claim" in html
    assert reverse("payments:claim", args=[queried.pk]) in html


@pytest.mark.parametrize(
    ("email", "sees", "does_not_see"),
    [
        ("member@example.org", ">Payments<", ">Claims<"),
        ("lead@example.org", ">Claims<", ">Payments<"),
        ("staff@example.org", None, ">Payments<"),
    ],
)
def test_the_menu_offers_payments_to_members_and_claims_to_the_lead(
    client, demo_site, email, sees, does_not_see
):
    sign_in(client, email)
    html = client.get(reverse("intranet:home")).content.decode()
    nav = html[html.index('class="intranet-nav"') :]
    if sees:
        assert sees in nav
    assert does_not_see not in nav


def test_the_lead_s_menu_marks_claims_on_a_claim_s_own_page(client, demo_site):
    claim = claim_at(C.SUBMITTED)
    sign_in(client, "lead@example.org")
    html = client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    nav = html[html.index('class="intranet-nav"') :]
    claims = reverse("payments:claims")
    assert f'<a href="{claims}" aria-current="page">' in nav


def test_claims_open_once_the_work_is_done(client, demo_site):
    entry = selected()  # its sessions are two weeks ahead
    entry.opportunity.status = Opportunity.Status.SELECTED
    entry.opportunity.save()
    with pytest.raises(NotAllowed, match="once the work is done"):
        claim_submit(sign_up=entry, units=Decimal("5"), expenses=[], actor=entry.member)
    sign_in(client, "member@example.org")
    detail = reverse("opportunities:detail", args=[entry.opportunity_id])
    page = client.get(detail).content.decode()
    assert "Once the work is done you can claim" in page
    assert new_claim_url(entry) not in page
    refused = client.get(new_claim_url(entry), follow=True).content.decode()
    assert "You can claim once the work is done, from the last session on" in refused

    # The last session begins: now it can be claimed.
    entry.opportunity.sessions.update(
        starts_at=timezone.now() - timedelta(hours=3),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    assert new_claim_url(entry) in client.get(detail).content.decode()
    assert client.get(new_claim_url(entry)).status_code == 200
