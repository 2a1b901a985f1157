"""Issue 22's demo: the lead's payment promises, and claims paid early, on
time and late in 2022, 2023 and this year, one with a question that paused
its clock, and one claim overdue now."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from opportunities.factories import OpportunityFactory, SignUpFactory
from opportunities.models import Opportunity
from payments.factories import ClaimFactory
from payments.models import Claim, PaymentPromise
from payments.selectors import claims_waiting, clocks_attach, payment_waits, with_events
from tests.people import act_for, sign_in

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


def home_claims_panel(client) -> str:
    html = client.get(reverse("intranet:home")).content.decode()
    if 'id="claims-paid-heading"' not in html:
        return ""
    panel = html[html.index('id="claims-paid-heading"') :].split("</section>")[0]
    return " ".join(panel.split())


def test_a_member_s_home_page_says_when_each_claim_will_be_paid(client, demo_site):
    sign_in(client, "member@example.org")
    panel = home_claims_panel(client)
    assert "When your claims will be paid" in panel
    assert "The claim for Embedding co-production: team workshops</a>" in panel
    assert "working days late</strong>" in panel
    assert "All your payments" in panel


@pytest.mark.parametrize(
    "email", ["member2@example.org", "member3@example.org", "supporter@example.org"]
)
def test_nobody_else_s_home_page_lists_the_member_s_claims(client, demo_site, email):
    sign_in(client, email)
    assert "Embedding co-production: team workshops" not in home_claims_panel(client)


@pytest.mark.parametrize("email", ["lead@example.org", "staff@example.org"])
def test_the_lead_and_staff_have_no_claims_of_their_own_to_list(
    client, demo_site, email
):
    sign_in(client, email)
    assert home_claims_panel(client) == ""


def test_a_supporter_acting_sees_the_member_s_claims_as_theirs(client, demo_site):
    niamh = act_for(client, "supporter@example.org", "member2@example.org")
    opportunity = OpportunityFactory(
        status=Opportunity.Status.COMPLETED, title="Panel on hospital discharge"
    )
    ClaimFactory(
        sign_up=SignUpFactory(opportunity=opportunity, member=niamh, selected=True)
    )
    panel = home_claims_panel(client)
    assert "When their claims will be paid" in panel
    assert "The claim for Panel on hospital discharge</a>: By " in panel
    assert "(10 working days left)" in panel
    assert "All their payments" in panel
    # Only the member they act for: not member@'s overdue claim.
    assert "Embedding co-production: team workshops" not in panel
