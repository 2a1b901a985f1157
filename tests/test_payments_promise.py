"""Paid on time (issue 22): the payment promise, each claim's date to be paid
by and its waits, read from the claim's event log with the bank holidays of
the member's nation; the lead's order; the daily check; the promise in the
admin, and who may set it."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse

from members.factories import AssemblyFactory, PersonFactory
from notifications.models import Delivery, Kind, Notification, NotificationPreference
from opportunities.factories import OpportunityFactory, SignUpFactory
from opportunities.models import Opportunity
from payments.factories import ClaimFactory
from payments.models import Claim, PaymentPromise
from payments.promise import is_working_day, working_day_after, working_days_between
from payments.selectors import claims_waiting, clock_of
from payments.services import (
    claim_approve,
    claim_mark_paid,
    claim_query,
    claim_resubmit,
    claims_promise_check,
)
from tests.people import sign_in

LONDON = ZoneInfo("Europe/London")
C = Claim.Status
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_promise_yet():
    """The demo's promises and claims are in the database: each test sets its
    own promise, and looks only at its own claims."""
    PaymentPromise.objects.all().delete()


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=LONDON)


def promise(days=10, set_on=date(2020, 1, 6)) -> PaymentPromise:
    return PaymentPromise.objects.create(working_days=days, set_at=noon(set_on))


def member_in(nation: str):
    return PersonFactory(
        assembly=AssemblyFactory(name=f"{nation.title()} Assembly", nation=nation)
    )


def claim_sent(on: date, member=None, title="Panel on hospital discharge") -> Claim:
    """A claim sent through the service on `on`, for £125 and a £12.40 fare."""
    sign_up = SignUpFactory(
        opportunity=OpportunityFactory(
            status=Opportunity.Status.COMPLETED, title=title
        ),
        member=member or member_in("england"),
        selected=True,
    )
    with time_machine.travel(noon(on), tick=False):
        return ClaimFactory(sign_up=sign_up)


def claim_paid(sent: date, paid: date, by, member=None) -> Claim:
    """A claim for "Paid work" sent on `sent`, approved the day after and
    paid on `paid`."""
    claim = claim_sent(sent, member=member, title="Paid work")
    on(sent + timedelta(days=1), claim_approve, claim=claim, by=by)
    on(
        paid,
        claim_mark_paid,
        claim=claim,
        by=by,
        paid_on=paid,
        reference="BACS 2",
    )
    return claim


def lead():
    return PersonFactory(lead=True, email="the-lead@example.org")


def on(day: date, action, **kwargs):
    with time_machine.travel(noon(day), tick=False):
        return action(**kwargs)


# Working days -----------------------------------------------------------------------

# Sent on the first date, one working day later is the second: a bank holiday
# of that nation (and not of England) in between.
NATION_HOLIDAYS = [
    # St Andrew's Day, Monday 30 November 2026: Scotland's alone.
    ("scotland", date(2026, 11, 27), date(2026, 12, 1), date(2026, 11, 30)),
    # 2 January 2026, a Friday: Scotland's second New Year holiday.
    ("scotland", date(2025, 12, 31), date(2026, 1, 5), date(2026, 1, 2)),
    # St Patrick's Day, Tuesday 17 March 2026: Northern Ireland's.
    ("northern-ireland", date(2026, 3, 16), date(2026, 3, 18), date(2026, 3, 17)),
    # The Battle of the Boyne, observed Monday 13 July 2026.
    ("northern-ireland", date(2026, 7, 10), date(2026, 7, 14), date(2026, 7, 13)),
]


@pytest.mark.parametrize("nation,sent,in_nation,in_england", NATION_HOLIDAYS)
def test_a_nation_s_own_bank_holiday_is_not_a_working_day_there(
    nation, sent, in_nation, in_england
):
    assert working_day_after(sent, 1, nation=nation) == in_nation
    assert working_day_after(sent, 1, nation="england") == in_england


@pytest.mark.parametrize("nation", ["england", "wales"])
def test_england_and_wales_skip_good_friday_and_easter_monday(nation):
    # Sent Thursday 2 April 2026: Good Friday 3rd, the weekend, Easter Monday
    # 6th; the first working day is Tuesday 7 April.
    assert working_day_after(date(2026, 4, 2), 1, nation=nation) == date(2026, 4, 7)
    # Scotland has no Easter Monday holiday.
    assert working_day_after(date(2026, 4, 2), 1, nation="scotland") == date(2026, 4, 6)


def test_christmas_and_the_weekend_do_not_count_anywhere():
    # Thursday 24 December 2026: Christmas Friday, the weekend, Boxing Day
    # observed on Monday 28th.
    for nation in ["england", "wales", "scotland", "northern-ireland", None]:
        assert working_day_after(date(2026, 12, 24), 1, nation=nation) == date(
            2026, 12, 29
        )
        assert not is_working_day(date(2026, 12, 26), nation=nation)


def test_ten_working_days_over_st_andrews_day_end_a_day_later_in_scotland():
    # Sent Monday 23 November 2026.
    sent = date(2026, 11, 23)
    assert working_day_after(sent, 10, nation="england") == date(2026, 12, 7)
    assert working_day_after(sent, 10, nation="scotland") == date(2026, 12, 8)
    assert working_days_between(sent, date(2026, 12, 7), nation="scotland") == 9


# A claim's clock, from its events ---------------------------------------------------


def test_a_claim_shows_the_date_from_the_moment_it_is_sent(client):
    promise(10)
    member = member_in("scotland")
    claim = claim_sent(date(2026, 11, 23), member=member)
    clock = clock_of(claim=claim, today=date(2026, 11, 24))
    # St Andrew's Day does not count for a member in Scotland.
    assert clock.due_on == date(2026, 12, 8)
    assert (clock.used, clock.days_left) == (1, 9)
    client.force_login(member)
    with time_machine.travel(noon(date(2026, 11, 24)), tick=False):
        page = client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
        mine = client.get(reverse("payments:mine")).content.decode()
    assert "It should be paid by <strong>Tuesday 8 December 2026</strong>." in page
    assert "paid within 10 working days of a complete claim" in page
    assert "By 8 December 2026 (9 working days left)" in mine


def test_a_question_pauses_the_clock_and_the_page_says_so(client):
    promise(10)
    member = member_in("england")
    claim = claim_sent(date(2026, 11, 2), member=member)  # a Monday
    assert clock_of(claim=claim, today=date(2026, 11, 3)).due_on == date(2026, 11, 16)
    the_lead = lead()
    on(
        date(2026, 11, 4),
        claim_query,
        claim=claim,
        by=the_lead,
        message="Was the train a return?",
    )
    claim.refresh_from_db()
    paused = clock_of(claim=claim, today=date(2026, 11, 9))
    assert paused.is_paused and paused.due_on is None
    # Two working days counted (Tuesday and Wednesday), none since.
    assert paused.days_left == 8
    client.force_login(member)
    with time_machine.travel(noon(date(2026, 11, 9)), tick=False):
        page = client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert "The clock is paused while the engagement lead waits for your answer" in (
        page
    )
    assert "there will be 8 working days left to pay it" in page

    # Answered on Monday 9th: Thursday 5th, Friday 6th and Monday 9th were
    # paused, so the date moves three working days, to Thursday 19th.
    on(
        date(2026, 11, 9),
        claim_resubmit,
        claim=claim,
        units=Decimal("5"),
        expenses=[],
        actor=member,
        message="A return, yes.",
    )
    claim.refresh_from_db()
    assert clock_of(claim=claim, today=date(2026, 11, 10)).due_on == date(2026, 11, 19)


def test_each_wait_is_measured_from_the_event_log():
    promise(10)
    the_lead = lead()
    claim = claim_sent(date(2026, 11, 2))  # Monday
    on(date(2026, 11, 4), claim_approve, claim=claim, by=the_lead)  # Wednesday
    on(
        date(2026, 11, 11),
        claim_mark_paid,
        claim=claim,
        by=the_lead,
        paid_on=date(2026, 11, 10),
        reference="BACS 1",
    )
    claim.refresh_from_db()
    clock = clock_of(claim=claim)
    assert clock.sent_to_approved == 2
    # The date paid is the one the lead recorded, not the day they said so.
    assert clock.approved_to_paid == 4
    assert clock.sent_to_paid == 6
    assert clock.paid_within_promise is True
    assert not clock.is_overdue


def test_a_new_promise_does_not_move_a_date_already_shown(client):
    promise(10, set_on=date(2024, 3, 4))
    member = member_in("wales")
    claim = claim_sent(date(2026, 11, 2), member=member)
    PaymentPromise.objects.create(working_days=5, set_at=noon(date(2026, 11, 3)))
    clock = clock_of(claim=claim, today=date(2026, 11, 4))
    assert clock.promise_days == 10 and clock.due_on == date(2026, 11, 16)
    client.force_login(member)
    with time_machine.travel(noon(date(2026, 11, 4)), tick=False):
        page = client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert "Monday 16 November 2026" in page
    assert (
        "The promise when it was sent: paid within 10 working days of a complete "
        "claim (set on 4 March 2024)." in page
    )
    # A claim sent after the change is measured against the new promise.
    later = claim_sent(date(2026, 11, 4), member=member, title="Another panel")
    assert clock_of(claim=later).promise_days == 5


def test_a_claim_sent_before_any_promise_shows_no_date(client):
    member = member_in("england")
    claim = claim_sent(date(2026, 11, 2), member=member)
    promise(10, set_on=date(2026, 11, 3))
    assert clock_of(claim=claim).due_on is None
    client.force_login(member)
    page = client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert "When it will be paid" not in page


# The lead's order -------------------------------------------------------------------


def test_the_lead_sees_overdue_claims_first_then_the_closest_to_the_promise(client):
    promise(10)
    the_lead = lead()
    newest = claim_sent(date(2026, 11, 23), title="Newest work")
    overdue = claim_sent(date(2026, 11, 2), title="Overdue work")
    closer = claim_sent(date(2026, 11, 16), title="Closer work")
    # Approved, still to pay, and the most overdue of all.
    approved = claim_sent(date(2026, 10, 26), title="Approved work")
    on(date(2026, 10, 27), claim_approve, claim=approved, by=the_lead)
    answering = claim_sent(date(2026, 10, 1), title="Waiting for an answer")
    on(date(2026, 10, 2), claim_query, claim=answering, by=the_lead, message="Which?")

    today = date(2026, 11, 27)
    mine = {newest.pk, overdue.pk, closer.pk, approved.pk, answering.pk}
    order = [claim.pk for claim in claims_waiting(today=today) if claim.pk in mine]
    assert order == [approved.pk, overdue.pk, closer.pk, newest.pk]

    client.force_login(the_lead)
    with time_machine.travel(noon(today), tick=False):
        html = client.get(reverse("payments:claims")).content.decode()
    waiting, others = html.split("<h2>Other claims</h2>")
    positions = [
        waiting.index(f"<td>{title}</td>")
        for title in ["Approved work", "Overdue work", "Closer work", "Newest work"]
    ]
    assert positions == sorted(positions)
    assert "<strong>9 working days late</strong>" in waiting  # due 16 November
    assert "By 7 December 2026 (6 working days left)" in waiting  # Newest work
    assert "Paused, waiting for an answer" in others


def test_the_lead_s_home_page_says_how_many_claims_are_past_the_promise(client):
    Claim.objects.filter(status__in=[C.SUBMITTED, C.APPROVED]).delete()  # the demo's
    promise(10)
    the_lead = lead()
    client.force_login(the_lead)

    def home():
        with time_machine.travel(noon(date(2026, 11, 27)), tick=False):
            html = client.get(reverse("intranet:home")).content.decode()
        return html[html.index('id="claims-lead-heading"') :].split("</section>")[0]

    claim_sent(date(2026, 11, 23), title="Newest work")
    first = home()
    assert "1 claim to check or to pay." in first
    assert "past the payment promise" not in first

    claim_sent(date(2026, 11, 2), title="Overdue work")  # due 16 November
    assert "2 claims to check or to pay." in home()
    assert "1 of them is past the payment promise." in home()

    approved = claim_sent(date(2026, 10, 26), title="Approved work")
    on(date(2026, 10, 27), claim_approve, claim=approved, by=the_lead)
    answering = claim_sent(date(2026, 10, 1), title="Waiting for an answer")
    on(date(2026, 10, 2), claim_query, claim=answering, by=the_lead, message="Which?")
    # The question's clock is paused, and it is not the lead's to act on.
    assert "3 claims to check or to pay." in home()
    assert "2 of them are past the payment promise." in home()


def test_the_member_s_home_page_says_when_each_claim_will_be_paid(client):
    promise(10)
    the_lead = lead()
    member = member_in("scotland")
    claim_sent(date(2026, 11, 23), member=member, title="Newest work")
    claim_sent(date(2026, 11, 2), member=member, title="Overdue work")
    asked = claim_sent(date(2026, 11, 16), member=member, title="Asked work")
    on(date(2026, 11, 17), claim_query, claim=asked, by=the_lead, message="Which?")
    claim_paid(date(2026, 10, 1), date(2026, 10, 5), the_lead, member=member)
    client.force_login(member)
    with time_machine.travel(noon(date(2026, 11, 27)), tick=False):
        html = client.get(reverse("intranet:home")).content.decode()
    html = " ".join(html.split())
    panel = html[html.index('id="claims-paid-heading"') :].split("</section>")[0]
    # St Andrew's Day (Monday 30th in Scotland) does not count.
    assert "Newest work</a>: By 8 December 2026 (6 working days left)" in panel
    assert "Overdue work</a>: <strong>9 working days late</strong>" in panel
    assert "Asked work" not in panel and "Paid work" not in panel
    question = html[html.index('id="claims-heading"') :].split("</section>")[0]
    assert "The claim for Asked work</a>: the engagement lead has a question" in (
        question
    )


# The daily check -------------------------------------------------------------------


def _told(recipient, claim):
    return list(
        Notification.objects.filter(
            recipient=recipient, target_id=str(claim.pk), kind=Kind.PAYMENT
        )
        .exclude(dedupe_key__startswith="claim-event:")
        .values_list("subject", flat=True)
    )


def test_the_daily_check_tells_the_lead_at_four_fifths_and_when_late_once_each():
    promise(10)
    the_lead = lead()
    member = member_in("england")
    claim = claim_sent(date(2026, 11, 2), member=member, title="Carers' panel")
    notices = Notification.objects.filter(
        target_id=str(claim.pk), dedupe_key__startswith="claim-promise"
    )
    # Seven working days used on Wednesday 11th: nothing yet.
    claims_promise_check(today=date(2026, 11, 11))
    assert not notices.exists()
    # Eight on Thursday 12th: 4 in 5 of the promise. Run twice: told once.
    claims_promise_check(today=date(2026, 11, 12))
    claims_promise_check(today=date(2026, 11, 12))
    claims_promise_check(today=date(2026, 11, 13))
    name = str(member)
    assert _told(the_lead, claim) == [
        f"Claim close to the payment promise: {name}, Carers' panel"
    ]
    near = Notification.objects.get(
        recipient=the_lead, dedupe_key=f"claim-promise-near:{claim.pk}:lead"
    )
    for detail in [
        f"Member: {name}",
        "Opportunity: Carers' panel",
        f"Total: £{claim.total()}",
        "Sent: 2 November 2026",
        "Should be paid by: Monday 16 November 2026",
        "Working days used: 8",
    ]:
        assert detail in near.body
    assert _told(member, claim) == []

    # Each of the group's leads once (the demo's too), nobody else.
    leads_told = notices.count()
    assert len(set(notices.values_list("recipient", flat=True))) == leads_told
    # Due Monday 16th; late on Tuesday 17th. Twice in a day: nothing twice.
    claims_promise_check(today=date(2026, 11, 16))
    assert notices.count() == leads_told
    claims_promise_check(today=date(2026, 11, 17))
    claims_promise_check(today=date(2026, 11, 17))
    claims_promise_check(today=date(2026, 11, 24))
    assert notices.filter(recipient=the_lead).count() == 2
    assert notices.filter(recipient=member).count() == 1
    assert set(_told(the_lead, claim)) == {
        f"Claim close to the payment promise: {name}, Carers' panel",
        f"Claim past the payment promise: {name}, Carers' panel",
    }
    (late,) = Notification.objects.filter(
        recipient=member, dedupe_key=f"claim-promise-late:{claim.pk}"
    )
    assert late.subject == "Your claim is late: Carers' panel"
    assert "Monday 16 November 2026" in late.body
    assert "You do not need to chase it" in late.body


def test_the_check_leaves_paused_paid_and_rejected_claims_alone():
    promise(10)
    the_lead = lead()
    answering = claim_sent(date(2026, 10, 1))
    on(date(2026, 10, 2), claim_query, claim=answering, by=the_lead, message="Which?")
    paid = claim_paid(date(2026, 10, 1), date(2026, 10, 30), the_lead)
    claims_promise_check(today=date(2026, 11, 27))
    assert not Notification.objects.filter(
        target_id__in=[str(answering.pk), str(paid.pk)],
        dedupe_key__startswith="claim-promise",
    ).exists()


def test_a_paused_member_hears_about_a_late_claim_the_way_they_chose():
    """Pausing stops reminders; a late payment is news about their money,
    sent the way they chose to hear about payments (here, a weekly email)."""
    promise(10)
    member = member_in("england")
    member.profile.paused_since = date(2026, 11, 1)
    member.profile.save()
    NotificationPreference.objects.create(
        user=member, kind=Kind.PAYMENT, delivery=Delivery.WEEKLY
    )
    claim = claim_sent(date(2026, 11, 2), member=member)
    lead()
    claims_promise_check(today=date(2026, 11, 17))
    late = Notification.objects.get(dedupe_key=f"claim-promise-late:{claim.pk}")
    assert late.delivery == Delivery.WEEKLY and late.email is None


# The promise in the admin ---------------------------------------------------------

ADD = reverse("wagtailsnippets_payments_paymentpromise:add")
LIST = reverse("wagtailsnippets_payments_paymentpromise:list")


def test_the_lead_sets_a_promise_and_it_records_who(client, demo_site):
    lead_user = sign_in(client, "lead@example.org")
    before = PaymentPromise.objects.count()
    response = client.post(ADD, {"working_days": "7"})
    assert response.status_code == 302
    assert PaymentPromise.objects.count() == before + 1
    newest = PaymentPromise.objects.first()
    assert (newest.working_days, newest.set_by) == (7, lead_user)
    listing = client.get(LIST).content.decode()
    assert "paid within 7 working days of a complete claim" in listing
    # The claims screen names the promise in force and links to set another.
    claims = client.get(reverse("payments:claims")).content.decode()
    assert "The payment promise: paid within 7 working days" in claims
    assert f'href="{ADD}"' in claims


@pytest.mark.parametrize("typed", ["0", "-3"])
def test_a_promise_of_zero_or_fewer_days_is_refused_next_to_the_field(
    client, demo_site, typed
):
    sign_in(client, "lead@example.org")
    before = PaymentPromise.objects.count()
    response = client.post(ADD, {"working_days": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert PaymentPromise.objects.count() == before
    # Wagtail shows the message with the field, and keeps what was typed.
    field = html[html.index('id="id_working_days"') - 1500 :]
    assert "Enter a number of working days of 1 or more." in field[:4000]
    assert f'value="{typed}"' in html


def test_a_promise_is_never_changed_or_deleted_even_by_the_lead(client, demo_site):
    sign_in(client, "lead@example.org")
    existing = PaymentPromise.objects.create(
        working_days=10, set_at=noon(date(2024, 1, 8))
    )
    for name in ["edit", "delete"]:
        url = reverse(
            f"wagtailsnippets_payments_paymentpromise:{name}", args=[existing.pk]
        )
        response = client.post(url, {"working_days": "1"})
        assert response.status_code in (302, 403)
    existing.refresh_from_db()
    assert existing.working_days == 10
    assert PaymentPromise.objects.filter(pk=existing.pk).exists()


@pytest.mark.parametrize(
    "email",
    [
        "member@example.org",
        "supporter@example.org",
        "staff@example.org",
    ],
)
def test_nobody_but_the_lead_sees_or_sets_the_promise(client, demo_site, email):
    sign_in(client, email)
    before = PaymentPromise.objects.count()
    assert client.get(LIST).status_code in (302, 403)
    assert client.post(ADD, {"working_days": "1"}).status_code in (302, 403)
    assert PaymentPromise.objects.count() == before


def test_signed_out_people_are_sent_to_sign_in(client, demo_site):
    response = client.get(LIST)
    assert response.status_code == 302 and "login" in response["Location"]


def test_leads_may_add_and_view_promises_only():
    leads = Group.objects.get(name="Engagement leads")
    assert set(
        leads.permissions.filter(codename__endswith="paymentpromise").values_list(
            "codename", flat=True
        )
    ) == {"add_paymentpromise", "view_paymentpromise"}


def test_the_member_s_claim_page_is_still_private(client):
    promise(10)
    claim = claim_sent(date(2026, 11, 2))
    someone_else = member_in("wales")
    client.force_login(someone_else)
    assert client.get(reverse("payments:claim", args=[claim.pk])).status_code == 404
