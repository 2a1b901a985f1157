"""Payments: the rules for a claim's state, who may move it, and what is
recorded and told at each step (line 7)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.exceptions import NotAllowed
from notifications.models import Notification
from opportunities.models import SignUp
from payments.models import Claim
from payments.services import (
    TRANSITIONS,
    ExpenseInput,
    claim_approve,
    claim_mark_paid,
    claim_query,
    claim_reject,
    claim_resubmit,
    claim_submit,
)
from tests.payments_fixtures import C, claim_at, lead, pdf, selected, told
from tests.people import person

pytestmark = pytest.mark.django_db


# The rules for a claim's state ----------------------------------------------------


ALL_PAIRS = [(a, b) for a in C for b in C if a != b]


def move(claim, to):
    by = lead()
    if to == C.SUBMITTED:
        return claim_resubmit(
            claim=claim,
            units=Decimal("5"),
            expenses=[ExpenseInput("travel", "Train", Decimal("1.00"), pdf())],
            actor=claim.member,
            message="Here is the right ticket.",
        )
    if to == C.APPROVED:
        return claim_approve(claim=claim, by=by)
    if to == C.QUERIED:
        return claim_query(claim=claim, by=by, message="Which train was it?")
    if to == C.REJECTED:
        return claim_reject(claim=claim, by=by, reason="This was already paid.")
    return claim_mark_paid(
        claim=claim, by=by, paid_on=timezone.localdate(), reference="BACS-1"
    )


@pytest.mark.parametrize(("start", "end"), ALL_PAIRS)
def test_every_claim_change_is_allowed_or_refused_by_the_rules(demo_site, start, end):
    claim = claim_at(start)
    events_before = claim.events.count()
    if end in TRANSITIONS[start]:
        move(claim, end)
        claim.refresh_from_db()
        assert claim.status == end
        event = claim.events.last()
        assert (event.from_status, event.to_status) == (start, end)
        assert Notification.objects.filter(
            recipient=claim.member, dedupe_key=f"claim-event:{event.pk}"
        ).exists()
    else:
        with pytest.raises(NotAllowed, match="it cannot be"):
            move(claim, end)
        claim.refresh_from_db()
        assert claim.status == start
        assert claim.events.count() == events_before


def test_rejected_and_paid_are_final():
    assert TRANSITIONS[C.REJECTED] == set() and TRANSITIONS[C.PAID] == set()


def test_paying_a_rejected_claim_says_why_not(demo_site):
    claim = claim_at(C.REJECTED)
    with pytest.raises(NotAllowed) as refusal:
        claim_mark_paid(
            claim=claim, by=lead(), paid_on=timezone.localdate(), reference="X"
        )
    assert (
        str(refusal.value) == "This claim is “not approved”: it cannot be marked paid."
    )


def test_claiming_twice_or_without_being_selected_is_refused(demo_site):
    claim = claim_at(C.SUBMITTED)
    with pytest.raises(NotAllowed, match="already claimed"):
        claim_submit(
            sign_up=claim.sign_up, units=Decimal("1"), expenses=[], actor=claim.member
        )
    assert claim.sign_up.claim == claim  # still the one claim
    for status in [s for s in SignUp.Status if s != SignUp.Status.SELECTED]:
        sign_up = selected("member2@example.org")
        SignUp.objects.filter(pk=sign_up.pk).update(status=status)
        with pytest.raises(NotAllowed, match="Only people selected"):
            claim_submit(
                sign_up=sign_up, units=Decimal("1"), expenses=[], actor=sign_up.member
            )
        assert not Claim.objects.filter(sign_up=sign_up).exists()


def test_only_the_lead_decides_and_only_the_member_claims(demo_site):
    claim = claim_at(C.SUBMITTED)
    for someone in ["member@example.org", "staff@example.org", "admin@example.org"]:
        with pytest.raises(NotAllowed, match="Only the engagement lead"):
            claim_approve(claim=claim, by=person(someone))
    with pytest.raises(NotAllowed, match="Only the member"):
        claim_submit(
            sign_up=selected("member2@example.org"),
            units=Decimal("1"),
            expenses=[],
            actor=person("member@example.org"),
        )


def test_a_query_and_a_rejection_need_words_and_payment_needs_date_and_reference(
    demo_site,
):
    claim = claim_at(C.SUBMITTED)
    with pytest.raises(NotAllowed, match="Write the question"):
        claim_query(claim=claim, by=lead(), message="  ")
    with pytest.raises(NotAllowed, match="Write the reason"):
        claim_reject(claim=claim, by=lead(), reason="")
    claim = claim_at(C.APPROVED, selected("member2@example.org"))
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(NotAllowed, match="cannot be in the future"):
        claim_mark_paid(claim=claim, by=lead(), paid_on=tomorrow, reference="X")
    with pytest.raises(NotAllowed, match="Enter the payment reference"):
        claim_mark_paid(
            claim=claim, by=lead(), paid_on=timezone.localdate(), reference=" "
        )
    claim.refresh_from_db()
    assert claim.status == C.APPROVED


def test_a_claim_from_sending_to_payment_is_recorded_and_told_each_time(demo_site):
    claim = claim_at(C.SUBMITTED)
    Claim.objects.filter(pk=claim.pk).update(status=C.SUBMITTED)
    claim_query(claim=claim, by=lead(), message="Which train was it?")
    move(claim, C.SUBMITTED)
    claim_approve(claim=claim, by=lead())
    paid_on = timezone.localdate()
    claim_mark_paid(claim=claim, by=lead(), paid_on=paid_on, reference="BACS 7781")
    claim.refresh_from_db()
    assert (claim.paid_on, claim.payment_reference) == (paid_on, "BACS 7781")
    assert list(claim.events.values_list("from_status", "to_status")) == [
        ("", C.SUBMITTED),
        (C.SUBMITTED, C.QUERIED),
        (C.QUERIED, C.SUBMITTED),
        (C.SUBMITTED, C.APPROVED),
        (C.APPROVED, C.PAID),
    ]
    to_member = told(claim.member, claim)
    assert to_member.count() == 5
    assert to_member.get(subject__startswith="A question").body == (
        "Which train was it?"
    )
    paid = to_member.get(subject__startswith="Your claim has been paid")
    assert "reference BACS 7781" in paid.body
    to_lead = told(lead(), claim)
    assert sorted(n.subject.split(":")[0] for n in to_lead) == [
        "Claim sent back with an answer",
        "New claim to check",
    ]
