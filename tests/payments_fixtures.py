"""Helpers the payments tests share (tests/test_payments_*.py): a demo
member selected for finished work, a claim already in a given state, receipt
files, and the claim form's fields as a browser would post them."""

import re

from django.urls import reverse

from notifications.models import Kind, Notification
from opportunities.factories import OpportunityFactory, SignUpFactory
from opportunities.models import Opportunity, SignUp
from payments.factories import PDF, ClaimFactory, receipt_pdf
from payments.models import Claim
from tests.people import person

C = Claim.Status
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
HEIC = b"\x00\x00\x00\x18ftypheic" + b"\x00" * 32


def lead():
    return person("lead@example.org")


def selected(email="member@example.org", declines_fee=False, **fields) -> SignUp:
    """A member selected for an opportunity whose work is done: by default
    2 sessions of 2.5 hours at £25 an hour, £125 in all."""
    return SignUpFactory(
        opportunity=OpportunityFactory(status=Opportunity.Status.COMPLETED, **fields),
        member=person(email),
        selected=True,
        declines_fee=declines_fee,
    )


def pdf(name="receipt.pdf", content=PDF):
    return receipt_pdf(name, content)


def claim_at(status, sign_up=None) -> Claim:
    """A claim of member@'s (or of `sign_up`'s member) already in `status`,
    with one expense line."""
    return ClaimFactory(status=status, sign_up=sign_up or selected())


def form_data(units="5", lines=(), message="", initial=0):
    data = {
        "units": units,
        "message": message,
        "expenses-TOTAL_FORMS": str(len(lines)),
        "expenses-INITIAL_FORMS": str(initial),
        "expenses-MIN_NUM_FORMS": "0",
        "expenses-MAX_NUM_FORMS": "20",
    }
    for number, line in enumerate(lines):
        for key, value in line.items():
            data[f"expenses-{number}-{key}"] = value
    return data


def line(description="Train to the meeting", amount="12.40", receipt=None, **more):
    fields = {"kind": "travel", "description": description, "amount": amount}
    if receipt is not None:
        fields["receipt"] = receipt
    return fields | more


def kept_values(html: str) -> dict[str, str]:
    """The hidden 'kept' fields of a re-rendered claim form."""
    return dict(re.findall(r'name="(expenses-\d+-kept)" value="([^"]*)"', html))


def field_error(html: str, field_id: str) -> str:
    match = re.search(rf'id="{field_id}_error">(.*?)</p>', html, re.S)
    return match.group(1) if match else ""


def told(recipient, claim):
    """What `recipient` has been told about the claim's changes."""
    keys = [f"claim-event:{pk}" for pk in claim.events.values_list("pk", flat=True)]
    return Notification.objects.filter(
        recipient=recipient,
        kind=Kind.PAYMENT,
        dedupe_key__in=keys + [f"{key}:lead" for key in keys],
    )


def new_claim_url(sign_up):
    return reverse("payments:claim_add", args=[sign_up.pk])
