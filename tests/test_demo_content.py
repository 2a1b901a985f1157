"""The demo content command: complete, repeatable, never in production."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from demo.accounts import DEMO_ACCOUNTS
from notifications.models import CallBack, Notification, OutboxEmail
from opportunities.models import EngagementRequest, Opportunity, Session
from payments.models import Claim

pytestmark = pytest.mark.django_db


def counts():
    return (
        get_user_model().objects.count(),
        Page.objects.count(),
        Site.objects.count(),
        Revision.objects.count(),
        Notification.objects.count(),
        OutboxEmail.objects.count(),
        CallBack.objects.count(),
    )


def test_running_twice_creates_nothing_twice():
    call_command("load_demo_content", stdout=None)
    first = counts()
    call_command("load_demo_content")
    assert counts() == first


@pytest.mark.parametrize(
    ("email", "group"),
    [
        ("lead@example.org", "Engagement leads"),
        ("member@example.org", "Members"),
        ("member2@example.org", "Members"),
        ("member3@example.org", "Members"),
        ("staff@example.org", "Staff"),
        ("admin@example.org", "Administrators"),
    ],
)
def test_each_demo_account_signs_in_in_its_role(client, email, group):
    call_command("load_demo_content")
    user = get_user_model().objects.get(email=email)
    assert user.check_password("coproduction")
    assert list(user.groups.values_list("name", flat=True)) == [group]


def test_only_the_administrator_is_a_superuser():
    call_command("load_demo_content")
    superusers = get_user_model().objects.filter(is_superuser=True)
    assert list(superusers.values_list("email", flat=True)) == ["admin@example.org"]
    assert len(DEMO_ACCOUNTS) == 7


def test_an_editor_s_change_to_the_home_page_survives_a_reload(demo_site):
    demo_site.introduction = "Written by the lead"
    demo_site.save_revision().publish()
    call_command("load_demo_content")
    demo_site.refresh_from_db()
    assert demo_site.introduction == "Written by the lead"


def test_refuses_when_settings_do_not_allow_demo_content(settings):
    # Staff requests are kept when an account goes (PROTECT): remove them first.
    EngagementRequest.objects.filter(requested_by__email="staff@example.org").delete()
    get_user_model().objects.filter(email="staff@example.org").delete()
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="Refusing to load demo content"):
        call_command("load_demo_content")
    assert not get_user_model().objects.filter(email="staff@example.org").exists()


def test_the_demo_shows_each_way_of_hearing_about_things(demo_site):
    kinds = set(
        Notification.objects.filter(
            recipient__email__in=["member@example.org", "member2@example.org"]
        ).values_list("kind", flat=True)
    )
    assert len(kinds) >= 5
    # member2 asked to be phoned about payments: the lead has a call to make.
    assert CallBack.objects.filter(
        notification__recipient__email="member2@example.org",
        notification__kind="payment",
    ).exists()
    # member asked for a weekly summary of group news: nothing emailed yet.
    news = Notification.objects.get(
        recipient__email="member@example.org", kind="general"
    )
    assert (news.delivery, news.email) == ("weekly", None)
    assert OutboxEmail.objects.filter(state=OutboxEmail.State.FAILED).exists()


def test_the_demo_has_opportunities_and_claims_in_every_state(demo_site):
    assert set(Opportunity.objects.values_list("status", flat=True)) == set(
        Opportunity.Status.values
    )
    assert set(Claim.objects.values_list("status", flat=True)) == set(
        Claim.Status.values
    )
    assert {e.status for e in EngagementRequest.objects.all()} == set(
        EngagementRequest.Status.values
    )
    years = {
        s.starts_at.year
        for s in Session.objects.filter(opportunity__status="completed")
    }
    assert {2022, 2023} <= years
