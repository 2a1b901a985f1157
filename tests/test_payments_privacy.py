"""Payments: who may see claims and receipts, and a supporter claiming for
the member they support (line 9)."""

import pytest
from django.urls import reverse

from members.models import OnBehalfRecord
from payments.models import Claim
from tests.payments_fixtures import (
    PDF,
    C,
    claim_at,
    form_data,
    line,
    new_claim_url,
    pdf,
    selected,
)
from tests.people import PRIVACY_VIEWERS, act_for, person, sign_in

pytestmark = pytest.mark.django_db


# Who may see claims and receipts -------------------------------------------------

VIEWERS = PRIVACY_VIEWERS


@pytest.mark.parametrize("view", ["claim", "receipt"])
@pytest.mark.parametrize(("email", "who"), VIEWERS)
def test_a_claim_and_its_receipts_are_seen_only_by_the_member_and_the_lead(
    client, demo_site, view, email, who
):
    claim = claim_at(C.SUBMITTED)
    target = claim.pk if view == "claim" else claim.expenses.get().pk
    if email:
        sign_in(client, email)
    response = client.get(reverse(f"payments:{view}", args=[target]))
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif who == "other":
        assert response.status_code == 404
        assert b"Train" not in response.content
    else:
        assert response.status_code == 200
        if view == "receipt":
            assert b"".join(response.streaming_content) == PDF
            assert response["Content-Type"] == "application/pdf"
            assert "private" in response["Cache-Control"]
            # Downloaded, never opened as a page of the site: a receipt that
            # holds script cannot run as the site.
            assert response["Content-Disposition"] == (
                'attachment; filename="receipt.pdf"'
            )
            assert "sandbox" in response["Content-Security-Policy"].split("; ")
            assert response["X-Content-Type-Options"] == "nosniff"
        else:
            assert "Train" in response.content.decode()


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("member@example.org", 200),
        ("member2@example.org", 200),
        ("lead@example.org", 302),
        ("staff@example.org", 404),
        ("admin@example.org", 404),
        ("supporter@example.org", 404),
    ],
)
def test_your_payments_is_for_members_only(client, demo_site, email, status):
    claim_at(C.PAID)
    sign_in(client, email)
    response = client.get(reverse("payments:mine"))
    assert response.status_code == status
    if status == 302:
        assert response["Location"] == reverse("payments:claims")
    if email == "member2@example.org":
        assert "Review a leaflet" not in response.content.decode()


@pytest.mark.parametrize(
    "email", ["member@example.org", "staff@example.org", "admin@example.org"]
)
def test_lead_pages_are_closed_to_everyone_else(client, demo_site, email):
    claim = claim_at(C.SUBMITTED)
    sign_in(client, email)
    for url in [
        reverse("payments:claims"),
        reverse("payments:opportunity", args=[claim.sign_up.opportunity.pk]),
    ]:
        assert client.get(url).status_code == 404
    for name in ["approve", "query", "reject", "mark_paid"]:
        assert (
            client.post(reverse(f"payments:{name}", args=[claim.pk])).status_code == 404
        )
    claim.refresh_from_db()
    assert claim.status == C.SUBMITTED


def test_another_member_cannot_claim_on_someone_elses_sign_up(client, demo_site):
    sign_up = selected()
    sign_in(client, "member2@example.org")
    assert client.get(new_claim_url(sign_up)).status_code == 404
    claim = claim_at(C.QUERIED, selected("member3@example.org"))
    assert (
        client.get(reverse("payments:claim_edit", args=[claim.pk])).status_code == 404
    )


def test_a_supporter_acting_for_the_member_claims_on_their_behalf(client, demo_site):
    sign_up = selected("member2@example.org")
    niamh = act_for(client, "supporter@example.org", "member2@example.org")
    response = client.post(
        new_claim_url(sign_up), form_data(lines=[line(receipt=pdf("bus.pdf"))])
    )
    assert response.status_code == 302
    claim = Claim.objects.get(sign_up=sign_up)
    supporter = person("supporter@example.org")
    assert claim.on_behalf_by == supporter
    assert OnBehalfRecord.objects.filter(
        member=niamh, supporter=supporter, action__startswith="Claimed"
    ).exists()
    page = client.get(response["Location"]).content.decode()
    assert "on Niamh's behalf" in page
    expense = claim.expenses.get()
    receipt = reverse("payments:receipt", args=[expense.pk])
    assert client.get(receipt).status_code == 200
    # Not acting any more: Niamh's claim is closed to the supporter.
    client.post(reverse("members:acting_stop"))
    assert client.get(reverse("payments:claim", args=[claim.pk])).status_code == 404
    assert client.get(receipt).status_code == 404
