"""Payments: the lead's pages, where claims are checked, queried, approved
and paid, and the member's answer to a query (line 7)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from payments.models import Claim
from payments.services import claim_query
from tests.payments_fixtures import (
    PDF,
    C,
    claim_at,
    field_error,
    form_data,
    lead,
    line,
    selected,
)
from tests.people import sign_in

pytestmark = pytest.mark.django_db


# The lead's pages ----------------------------------------------------------------


def test_the_lead_sees_claims_waiting_then_the_others(client, demo_site):
    """Waiting claims (to check or to pay) come first, in the promise's order
    (tests/test_payments_promise.py); paid ones are among the others."""
    approved = claim_at(C.APPROVED, selected(title="Approved work"))
    paid = claim_at(C.PAID, selected("member2@example.org", title="Paid work"))
    submitted = claim_at(C.SUBMITTED, selected("member3@example.org", title="New work"))
    sign_in(client, "lead@example.org")
    html = client.get(reverse("payments:claims")).content.decode()
    waiting, others = html.split("<h2>Other claims</h2>")

    def row(claim):
        return f'href="{reverse("payments:claim", args=[claim.pk])}"'

    assert row(submitted) in waiting and row(approved) in waiting
    assert "New work" in waiting and "Approved, to pay" in waiting
    assert row(paid) not in waiting and row(paid) in others


def test_the_lead_queries_approves_and_marks_paid_from_the_review_page(
    client, demo_site
):
    claim = claim_at(C.SUBMITTED)
    sign_in(client, "lead@example.org")
    page = client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    expense = claim.expenses.get()
    assert f'href="{reverse("payments:receipt", args=[expense.pk])}"' in page
    assert "Approve the claim" in page and "Send the question" in page

    response = client.post(
        reverse("payments:query", args=[claim.pk]), {"query-message": ""}
    )
    assert response.status_code == 400
    assert "<title>Error: " in response.content.decode()
    assert "Write the question for the member." in response.content.decode()

    client.post(
        reverse("payments:query", args=[claim.pk]),
        {"query-message": "Was the train return or single?"},
    )
    claim.refresh_from_db()
    assert claim.status == C.QUERIED

    Claim.objects.filter(pk=claim.pk).update(status=C.APPROVED)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("payments:mark_paid", args=[claim.pk]),
        {"paid-paid_on": tomorrow.isoformat(), "paid-reference": "BACS"},
    )
    assert "The date paid cannot be in the future." in field_error(
        response.content.decode(), "id_paid-paid_on"
    )
    response = client.post(
        reverse("payments:mark_paid", args=[claim.pk]),
        {"paid-paid_on": timezone.localdate().isoformat(), "paid-reference": ""},
    )
    assert "Enter the payment reference." in response.content.decode()
    client.post(
        reverse("payments:mark_paid", args=[claim.pk]),
        {"paid-paid_on": timezone.localdate().isoformat(), "paid-reference": "BACS 1"},
    )
    claim.refresh_from_db()
    assert (claim.status, claim.payment_reference) == (C.PAID, "BACS 1")


def test_approving_a_paid_claim_is_refused_on_the_page(client, demo_site):
    claim = claim_at(C.PAID)
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("payments:approve", args=[claim.pk]), {}, follow=True
    )
    assert "This claim is “paid”: it cannot be approved." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == C.PAID


def test_the_member_answers_a_query_and_keeps_the_receipt_already_sent(
    client, demo_site
):
    claim = claim_at(C.SUBMITTED)
    claim_query(claim=claim, by=lead(), message="Was it a return ticket?")
    old_line = claim.expenses.get()
    sign_in(client, "member@example.org")
    page = client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert "Was it a return ticket?" in page
    edit = reverse("payments:claim_edit", args=[claim.pk])
    assert f'href="{edit}"' in page
    form = client.get(edit).content.decode()
    assert "Attached: receipt.pdf (keep it, or choose another)" in form
    assert "Your answer to the lead" in form

    data = form_data(
        units="5",
        lines=[line("Return train", "24.80", kept=f"line:{old_line.pk}")],
        initial=1,
    )
    response = client.post(edit, data)
    assert "Answer the lead&#x27;s question." in field_error(
        response.content.decode(), "id_message"
    )
    data["message"] = "Yes, a return: I have corrected the amount."
    response = client.post(edit, data)
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == C.SUBMITTED
    new_line = claim.expenses.get()
    assert (new_line.description, new_line.amount) == ("Return train", Decimal("24.80"))
    assert new_line.receipt.name == old_line.receipt.name
    assert new_line.receipt.read() == PDF
    assert claim.events.last().message == "Yes, a return: I have corrected the amount."
    # Changing is only for a claim the lead has asked about.
    assert client.get(edit)["Location"] == reverse("payments:claim", args=[claim.pk])
