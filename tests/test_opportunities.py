"""Paid opportunities (issue 8, first part): the fee known in advance, the
state rules, sign-up with places and a waiting list, and selection."""

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.exceptions import NotAllowed
from members.models import OnBehalfRecord
from notifications.models import Notification
from opportunities.factories import OpportunityFactory
from opportunities.models import Opportunity, SignUp
from opportunities.services import (
    TRANSITIONS,
    opportunity_move,
    opportunity_select,
    sign_up_create,
    sign_up_withdraw,
)
from tests.people import person, sign_in

pytestmark = pytest.mark.django_db

S = Opportunity.Status


# The fee -------------------------------------------------------------------------


def test_the_total_fee_is_known_in_advance_in_exact_pounds(demo_site):
    per_hour = OpportunityFactory(fee_rate="25.00")  # 2 sessions of 2.5 hours
    assert per_hour.total_fee() == Decimal("125.00")
    per_session = OpportunityFactory(
        fee_basis="per_session", fee_rate="40.10", sessions=3
    )
    assert per_session.total_fee() == Decimal("120.30")
    assert isinstance(per_session.total_fee(), Decimal)


def test_the_detail_page_shows_what_a_member_would_earn(client, demo_site):
    opportunity = OpportunityFactory()
    sign_in(client, "member@example.org")
    page = client.get(reverse("opportunities:detail", args=[opportunity.pk]))
    assert "You would earn £125.00 in all" in page.content.decode()


# State rules -----------------------------------------------------------------------


ALL_PAIRS = [(a, b) for a in S for b in S if a != b]


@pytest.mark.parametrize(("start", "end"), ALL_PAIRS)
def test_every_status_change_is_allowed_or_refused_by_the_rules(demo_site, start, end):
    opportunity = OpportunityFactory(status=start)
    if end in TRANSITIONS[start]:
        opportunity_move(opportunity=opportunity, to=end)
        opportunity.refresh_from_db()
        assert opportunity.status == end
    else:
        with pytest.raises(NotAllowed, match="cannot become"):
            opportunity_move(opportunity=opportunity, to=end)
        opportunity.refresh_from_db()
        assert opportunity.status == start


def test_an_opportunity_without_sessions_cannot_open(demo_site):
    opportunity = OpportunityFactory(status=S.DRAFT, sessions=0)
    with pytest.raises(NotAllowed, match="at least one session"):
        opportunity_move(opportunity=opportunity, to=S.OPEN)


# Sign-up, places and the waiting list --------------------------------------------


def test_when_places_are_full_people_wait_in_order(demo_site):
    opportunity = OpportunityFactory(places=1)
    first = sign_up_create(opportunity=opportunity, member=person())
    second = sign_up_create(
        opportunity=opportunity, member=person("member2@example.org")
    )
    third = sign_up_create(
        opportunity=opportunity, member=person("member3@example.org")
    )
    assert first.status == SignUp.Status.SIGNED_UP
    assert (second.status, third.status) == (SignUp.Status.WAITING,) * 2

    offered = sign_up_withdraw(entry=first, actor=first.member)
    assert offered == second
    second.refresh_from_db()
    assert second.status == SignUp.Status.OFFERED
    note = Notification.objects.get(
        recipient=second.member, dedupe_key=f"place-offered:{second.pk}"
    )
    assert note.subject == f"A place has come up: {opportunity.title}"
    third.refresh_from_db()
    assert third.status == SignUp.Status.WAITING


def test_withdrawing_from_the_waiting_list_offers_nobody_a_place(demo_site):
    opportunity = OpportunityFactory(places=1)
    sign_up_create(opportunity=opportunity, member=person())
    waiting = sign_up_create(
        opportunity=opportunity, member=person("member2@example.org")
    )
    assert sign_up_withdraw(entry=waiting, actor=waiting.member) is None
    assert not Notification.objects.filter(
        dedupe_key__startswith="place-offered:"
    ).exists()


def test_signing_up_after_the_closing_date_is_refused(demo_site):
    opportunity = OpportunityFactory(closes_on=timezone.localdate() - timedelta(days=1))
    with pytest.raises(NotAllowed, match="Sign-up closed on"):
        sign_up_create(opportunity=opportunity, member=person())


@pytest.mark.parametrize("status", [s for s in S if s != S.OPEN])
def test_signing_up_is_only_for_open_opportunities(demo_site, status):
    opportunity = OpportunityFactory(status=status)
    with pytest.raises(NotAllowed, match="not open for sign-up"):
        sign_up_create(opportunity=opportunity, member=person())


def test_signing_up_twice_is_refused_but_after_withdrawing_is_fine(demo_site):
    opportunity = OpportunityFactory()
    entry = sign_up_create(opportunity=opportunity, member=person())
    with pytest.raises(NotAllowed, match="already signed up"):
        sign_up_create(opportunity=opportunity, member=person())
    sign_up_withdraw(entry=entry, actor=entry.member)
    again = sign_up_create(opportunity=opportunity, member=person())
    assert again.status == SignUp.Status.SIGNED_UP
    assert opportunity.sign_ups.filter(member=person()).count() == 2


def test_the_sign_up_form_starts_from_the_profile_s_needs(client, demo_site):
    opportunity = OpportunityFactory()
    sign_in(client, "member2@example.org")
    page = client.get(reverse("opportunities:detail", args=[opportunity.pk]))
    assert "Papers in large print (18 point)" in page.content.decode()
    client.post(
        reverse("opportunities:sign_up", args=[opportunity.pk]),
        {
            "note": "Keen",
            "support_needs": "A quiet room this time",
            "declines_fee": "on",
        },
    )
    entry = SignUp.objects.get(opportunity=opportunity)
    assert entry.support_needs == "A quiet room this time"
    assert entry.declines_fee
    # The profile keeps its own words.
    assert "large print" in entry.member.profile.support_needs


def test_a_refused_sign_up_keeps_what_was_typed(client, demo_site):
    opportunity = OpportunityFactory(closes_on=timezone.localdate() - timedelta(days=1))
    sign_in(client, "member@example.org")
    response = client.post(
        reverse("opportunities:sign_up", args=[opportunity.pk]),
        {"note": "My carefully typed note", "support_needs": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Sign-up closed on" in page
    assert "My carefully typed note" in page


def test_a_supporter_signs_up_on_the_member_s_behalf(client, demo_site):
    opportunity = OpportunityFactory()
    niamh = person("member2@example.org")
    sign_in(client, "supporter@example.org")
    client.post(reverse("members:acting_start", args=[niamh.pk]))
    client.post(reverse("opportunities:sign_up", args=[opportunity.pk]), {})
    entry = SignUp.objects.get(opportunity=opportunity)
    assert entry.member == niamh
    assert entry.on_behalf_by.email == "supporter@example.org"
    assert OnBehalfRecord.objects.filter(member=niamh).exists()


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("member@example.org", 200),
        ("staff@example.org", 404),
        ("lead@example.org", 404),
        ("admin@example.org", 404),
        ("supporter@example.org", 404),
    ],
)
def test_the_opportunity_list_is_for_members(client, demo_site, email, status):
    opportunity = OpportunityFactory()
    sign_in(client, email)
    response = client.get(reverse("opportunities:list"))
    assert response.status_code == status
    assert (opportunity.title in response.content.decode()) == (status == 200)


def test_drafts_are_not_shown_to_members(client, demo_site):
    draft = OpportunityFactory(status=S.DRAFT, title="Secret draft")
    sign_in(client, "member@example.org")
    assert (
        "Secret draft" not in client.get(reverse("opportunities:list")).content.decode()
    )
    assert (
        client.get(reverse("opportunities:detail", args=[draft.pk])).status_code == 404
    )


def test_matching_skills_come_first(client, demo_site):
    from members.models import Skill

    plain = OpportunityFactory(title="A plain one", closes_on=timezone.localdate())
    welsh = OpportunityFactory(title="A Welsh one")
    welsh.skills.add(Skill.objects.get(name="Welsh language"))
    sign_in(client, "member@example.org")  # Dafydd speaks Welsh
    page = client.get(reverse("opportunities:list")).content.decode()
    assert page.index(welsh.title) < page.index(plain.title)


# Selection -------------------------------------------------------------------------


def test_the_lead_selects_and_everyone_hears(demo_site):
    opportunity = OpportunityFactory(places=1)
    chosen = sign_up_create(opportunity=opportunity, member=person())
    other = sign_up_create(
        opportunity=opportunity, member=person("member2@example.org")
    )
    opportunity_move(opportunity=opportunity, to=S.CLOSED)
    opportunity_select(
        opportunity=opportunity,
        chosen=[chosen],
        reason="Dafydd knows the topic well.",
        by=person("lead@example.org"),
    )
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert chosen.status == SignUp.Status.SELECTED
    assert other.status == SignUp.Status.NOT_SELECTED
    assert other.reason == "Dafydd knows the topic well."
    subjects = set(
        Notification.objects.filter(subject__endswith=opportunity.title).values_list(
            "subject", flat=True
        )
    )
    assert subjects == {
        f"You have been selected: {opportunity.title}",
        f"Not selected this time: {opportunity.title}",
    }
    opportunity.refresh_from_db()
    assert opportunity.status == S.SELECTED


def test_selecting_more_people_than_places_is_refused(demo_site):
    opportunity = OpportunityFactory(places=1)
    entries = [
        sign_up_create(opportunity=opportunity, member=person()),
        sign_up_create(opportunity=opportunity, member=person("member2@example.org")),
    ]
    opportunity_move(opportunity=opportunity, to=S.CLOSED)
    with pytest.raises(NotAllowed, match="There are 1 places"):
        opportunity_select(
            opportunity=opportunity, chosen=entries, reason="Both", by=None
        )
    assert not opportunity.sign_ups.filter(status=SignUp.Status.SELECTED).exists()


def test_selection_needs_a_reason_and_a_closed_opportunity(demo_site):
    opportunity = OpportunityFactory()
    entry = sign_up_create(opportunity=opportunity, member=person())
    with pytest.raises(NotAllowed, match="Close sign-up"):
        opportunity_select(
            opportunity=opportunity, chosen=[entry], reason="Yes", by=None
        )
    opportunity_move(opportunity=opportunity, to=S.CLOSED)
    with pytest.raises(NotAllowed, match="why these people"):
        opportunity_select(
            opportunity=opportunity, chosen=[entry], reason="  ", by=None
        )


# Two people, one last place ----------------------------------------------------------


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_members_taking_the_last_place_at_once_one_gets_it():
    opportunity = OpportunityFactory(places=1)
    people = [person(), person("member2@example.org")]
    start = threading.Barrier(2)
    errors = []

    def worker(person):
        try:
            start.wait()
            sign_up_create(opportunity=opportunity, member=person)
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=[p]) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = sorted(
        SignUp.objects.filter(opportunity=opportunity).values_list("status", flat=True)
    )
    assert statuses == [SignUp.Status.SIGNED_UP, SignUp.Status.WAITING]


def test_the_member_s_dashboard_shows_open_opportunities_and_sign_ups(
    client, demo_site
):
    signed = OpportunityFactory(title="Join the film panel")
    OpportunityFactory(title="Test the new website")
    sign_up_create(opportunity=signed, member=person())
    sign_in(client, "member@example.org")
    page = client.get(reverse("intranet:home")).content.decode()
    section = page[page.index('id="opportunities-heading"') :]
    assert "Join the film panel</a>: signed up" in section
    assert "Test the new website" in section


def test_the_list_asks_the_database_the_same_number_of_times_for_more_rows(
    client, demo_site, django_assert_max_num_queries
):
    sign_in(client, "member@example.org")
    OpportunityFactory(title="The first")
    with CaptureQueriesContext(connection) as few:
        shown = client.get(reverse("opportunities:list")).content.decode()
    for number in range(5):
        OpportunityFactory(title=f"Another {number}")
    with django_assert_max_num_queries(len(few)):
        page = client.get(reverse("opportunities:list")).content.decode()
    assert page.count("You would earn") == shown.count("You would earn") + 5
    assert "£125.00 in all" in page
