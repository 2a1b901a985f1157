"""Reads of someone else's support needs, plan or receipts are recorded in
Wagtail's audit log, without the private content, and only the lead sees
the log (members/audit.py)."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from members.audit import ACTIONS, PLAN, RECEIPT, SUPPORT_NEEDS
from members.models import Profile, User
from opportunities.factories import OpportunityFactory
from opportunities.models import Opportunity, SignUp
from payments.services import ExpenseInput, claim_submit
from plans.models import DevelopmentPlan
from tests.payments_fixtures import PDF, pdf, selected
from tests.people import act_for, sign_in

pytestmark = pytest.mark.django_db

NIAMH_NEEDS = "Papers in large print (18 point)"
LOG = reverse("members:privacy_log")


def person(email) -> User:
    return User.objects.get(email=email)


def reads():
    return ModelLogEntry.objects.filter(action__in=ACTIONS).order_by("pk")


def only_read():
    entries = list(reads())
    assert len(entries) == 1, entries
    return entries[0]


def plan_url(email, view="plans:plan"):
    return reverse(view, args=[DevelopmentPlan.objects.get(owner__email=email).pk])


def a_receipt(email="member@example.org"):
    sign_up = selected(email)
    claim = claim_submit(
        sign_up=sign_up,
        units=Decimal("5"),
        expenses=[
            ExpenseInput("taxi", "Taxi to the clinic", Decimal("9.50"), pdf("gp.pdf"))
        ],
        actor=sign_up.member,
    )
    return claim.expenses.get()


# What is recorded ---------------------------------------------------------------


def test_the_lead_opening_someone_s_people_page_records_who_whose_and_what(
    client, demo_site
):
    niamh = person("member2@example.org")
    lead = sign_in(client, "lead@example.org")
    response = client.get(reverse("members:person", args=[niamh.pk]))
    assert NIAMH_NEEDS in response.content.decode()

    entry = only_read()
    assert entry.action == SUPPORT_NEEDS
    assert entry.user == lead
    assert entry.data == {"owner_id": niamh.pk}
    assert entry.object_id == str(niamh.profile.pk)
    assert entry.content_type.model_class() is Profile
    assert abs(entry.timestamp - timezone.now()) < timedelta(minutes=1)
    # The fact only: Wagtail's site history shows entries to administrators.
    assert entry.label == "Access and support needs"
    assert "print" not in str(entry.data) + entry.label


def test_a_page_with_no_needs_written_records_nothing(client, demo_site):
    member = person("member@example.org")
    Profile.objects.filter(user=member).update(support_needs="")
    sign_in(client, "lead@example.org")
    assert client.get(reverse("members:person", args=[member.pk])).status_code == 200
    assert not reads().exists()


def test_owners_reading_their_own_things_are_not_recorded(client, demo_site):
    receipt = a_receipt("member2@example.org")
    sign_in(client, "member2@example.org")
    assert NIAMH_NEEDS in client.get(reverse("members:profile")).content.decode()
    for url in [
        reverse("members:profile_section", args=["support"]),
        plan_url("member2@example.org"),
        plan_url("member2@example.org", "plans:print"),
        reverse("payments:receipt", args=[receipt.pk]),
        reverse("opportunities:detail", args=[receipt.claim.sign_up.opportunity_id]),
    ]:
        assert client.get(url).status_code == 200, url
    assert not reads().exists()


def test_a_supporter_acting_is_recorded_reading_the_plan_and_the_needs(
    client, demo_site
):
    niamh = person("member2@example.org")
    act_for(client, "supporter@example.org", "member2@example.org")
    supporter = person("supporter@example.org")

    assert client.get(plan_url("member2@example.org")).status_code == 200
    entry = only_read()
    assert (entry.action, entry.user, entry.data["owner_id"]) == (
        PLAN,
        supporter,
        niamh.pk,
    )
    assert entry.label == "Development plan"

    client.get(reverse("members:profile"))
    client.get(reverse("members:profile_section", args=["support"]))
    needs = reads().filter(action=SUPPORT_NEEDS)
    assert needs.count() == 2
    assert {e.user_id for e in needs} == {supporter.pk}
    assert {e.data["owner_id"] for e in needs} == {niamh.pk}


def test_the_lead_reading_plans_is_recorded_each_time(client, demo_site):
    niamh = person("member2@example.org")
    sign_in(client, "lead@example.org")
    client.get(plan_url("member2@example.org"))
    client.get(plan_url("member2@example.org", "plans:print"))
    assert [(e.action, e.data["owner_id"]) for e in reads()] == [
        (PLAN, niamh.pk),
        (PLAN, niamh.pk),
    ]


def test_the_lead_downloading_a_receipt_is_recorded_without_its_name(client, demo_site):
    receipt = a_receipt()
    lead = sign_in(client, "lead@example.org")
    response = client.get(reverse("payments:receipt", args=[receipt.pk]))
    assert b"".join(response.streaming_content) == PDF

    entry = only_read()
    assert (entry.action, entry.user) == (RECEIPT, lead)
    assert entry.data == {"owner_id": person("member@example.org").pk}
    assert entry.object_id == str(receipt.pk)
    assert entry.label == "Receipt"  # not "gp.pdf", not "Taxi to the clinic"


def test_the_lead_s_sign_up_list_records_each_person_s_needs(client, demo_site):
    opportunity = OpportunityFactory(status=Opportunity.Status.CLOSED)
    niamh, colm = person("member2@example.org"), person("member3@example.org")
    with_needs = SignUp.objects.create(
        opportunity=opportunity, member=niamh, support_needs="A hearing loop."
    )
    SignUp.objects.create(opportunity=opportunity, member=colm)
    sign_in(client, "lead@example.org")
    response = client.get(reverse("opportunities:manage", args=[opportunity.pk]))
    assert "A hearing loop." in response.content.decode()
    entry = only_read()  # none for Colm, who wrote no needs
    assert entry.action == SUPPORT_NEEDS
    assert entry.data == {"owner_id": niamh.pk}
    assert entry.object_id == str(with_needs.pk)


def test_a_supporter_acting_on_an_opportunity_page_is_recorded(client, demo_site):
    opportunity = OpportunityFactory()
    niamh = person("member2@example.org")
    act_for(client, "supporter@example.org", "member2@example.org")
    response = client.get(reverse("opportunities:detail", args=[opportunity.pk]))
    assert NIAMH_NEEDS in response.content.decode()  # in the sign-up form
    assert only_read().data == {"owner_id": niamh.pk}


@pytest.mark.parametrize(
    "email", ["member@example.org", "staff@example.org", "admin@example.org"]
)
def test_a_refused_look_records_nothing(client, demo_site, email):
    receipt = a_receipt("member2@example.org")
    sign_in(client, email)
    for url in [
        plan_url("member2@example.org"),
        reverse("payments:receipt", args=[receipt.pk]),
        reverse("members:person", args=[receipt.claim.sign_up.member_id]),
    ]:
        assert client.get(url).status_code == 404, url
    assert not reads().exists()


# The lead's page ----------------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    [
        "member@example.org",
        "member2@example.org",
        "staff@example.org",
        "admin@example.org",
        "supporter@example.org",
    ],
)
def test_only_the_lead_may_open_the_log(client, demo_site, email):
    sign_in(client, "lead@example.org")
    client.get(plan_url("member2@example.org"))
    client.logout()
    sign_in(client, email)
    response = client.get(LOG)
    assert response.status_code == 404
    assert b"Niamh" not in response.content


def test_a_visitor_is_sent_to_sign_in(client, demo_site):
    response = client.get(LOG)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_lead_sees_who_looked_at_what_newest_first(client, demo_site):
    niamh = person("member2@example.org")
    now = timezone.now()
    act_for(client, "supporter@example.org", "member2@example.org")
    with time_machine.travel(now - timedelta(days=2)):
        client.get(plan_url("member2@example.org"))
    client.logout()
    lead = sign_in(client, "lead@example.org")
    with time_machine.travel(now - timedelta(days=1)):
        client.get(reverse("members:person", args=[niamh.pk]))

    response = client.get(reverse("members:people"))
    assert f'href="{LOG}"' in response.content.decode()
    content = client.get(LOG).content.decode()
    assert "Who looked at private information" in content
    rows = content.split("<tbody>")[1].split("</tr>")
    assert str(lead) in rows[0]
    assert "Access and support needs" in rows[0]
    assert "Aoife Rafferty" in rows[1] and "Development plan" in rows[1]
    assert f'href="{reverse("members:person", args=[niamh.pk])}"' in rows[1]
    assert str(niamh) in rows[1]
    assert NIAMH_NEEDS not in content


def test_the_lead_filters_the_log_by_person(client, demo_site):
    niamh = person("member2@example.org")
    sign_in(client, "lead@example.org")
    client.get(plan_url("member2@example.org"))
    client.get(plan_url("member@example.org"))
    member = person("member@example.org")

    content = client.get(LOG, {"person": member.pk}).content.decode()
    assert content.count("Development plan</td>") == 1
    assert str(member) in content.split("<tbody>")[1]
    assert str(niamh) not in content.split("<tbody>")[1]

    # Someone whose information nobody looked at is not a choice: the error is
    # beside the field, and everyone's entries are shown.
    response = client.get(LOG, {"person": person("staff@example.org").pk})
    content = response.content.decode()
    assert "<title>Error:" in content
    assert "Select a valid choice" in content
    assert content.count("Development plan</td>") == 2


def test_the_log_is_paged(client, demo_site):
    sign_in(client, "lead@example.org")
    for _ in range(26):
        client.get(plan_url("member2@example.org"))
    first = client.get(LOG).content.decode()
    assert first.count("Development plan</td>") == 25
    assert "Page 1 of 2" in first
    second = client.get(LOG, {"page": 2}).content.decode()
    assert second.count("Development plan</td>") == 1
    assert "Page 1 of 2" in client.get(LOG, {"page": 9}).content.decode()


def test_wagtail_s_site_history_names_the_read_but_shows_no_private_words(
    client, demo_site
):
    receipt = a_receipt("member2@example.org")
    sign_in(client, "lead@example.org")
    client.get(reverse("members:person", args=[person("member2@example.org").pk]))
    client.get(reverse("payments:receipt", args=[receipt.pk]))
    client.logout()
    sign_in(client, "admin@example.org")
    content = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Viewed access and support needs" in content
    assert "Downloaded a receipt" in content
    for private in [NIAMH_NEEDS, "gp.pdf", "Taxi to the clinic"]:
        assert private not in content
