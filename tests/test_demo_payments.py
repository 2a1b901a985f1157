"""Issue 22's demo: the lead's payment promises, and claims paid early, on
time and late in 2022, 2023 and this year, one with a question that paused
its clock, and one claim overdue now."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from payments.models import Claim, PaymentPromise
from payments.selectors import claims_waiting, clocks_attach, payment_waits, with_events
from tests.people import sign_in

pytestmark = pytest.mark.django_db


def paid_clocks():
    claims = Claim.objects.filter(status=Claim.Status.PAID).select_related(
        "sign_up__member__profile__assembly"
    )
    return [claim.clock for claim in clocks_attach(claims=with_events(claims=claims))]


def test_the_demo_has_the_lead_s_promises():
    promises = list(PaymentPromise.objects.order_by("set_at"))
    assert [p.working_days for p in promises] == [15, 10]
    assert {p.set_by.email for p in promises} == {"lead@example.org"}


@pytest.mark.parametrize("year", [2022, 2023])
def test_claims_were_paid_early_on_time_and_late(year):
    clocks = [c for c in paid_clocks() if c.paid_on.year == year]
    assert {c.promise_days for c in clocks} == {15}
    within = [c for c in clocks if c.paid_within_promise]
    late = [c for c in clocks if not c.paid_within_promise]
    assert within and late
    # Early: well inside the promise.
    assert min(c.sent_to_paid for c in within) <= 10


def test_this_year_has_claims_paid_within_and_after_the_promise():
    recent = timezone.localdate() - timedelta(days=365)
    clocks = [c for c in paid_clocks() if c.paid_on >= recent]
    assert {c.promise_days for c in clocks} == {10}
    assert {c.paid_within_promise for c in clocks} == {True, False}


def test_one_paid_claim_waited_for_an_answer():
    assert any(c.pauses for c in paid_clocks())


def test_one_claim_is_overdue_now_and_leads_the_lead_s_list():
    waiting = claims_waiting()
    overdue = [claim for claim in waiting if claim.clock.is_overdue]
    assert len(overdue) == 1
    assert waiting[0] == overdue[0]
    assert overdue[0].sign_up.opportunity.title == (
        "Embedding co-production: team workshops"
    )


def test_the_lead_s_home_page_raises_the_overdue_claim(client, demo_site):
    sign_in(client, "lead@example.org")
    html = client.get(reverse("intranet:home")).content.decode()
    assert "1 of them is past the payment promise." in html


def test_the_figures_show_the_share_within_the_promise():
    before, now = payment_waits(year=2023)
    assert before.measured and now.measured
    assert 0 < now.within < now.measured
