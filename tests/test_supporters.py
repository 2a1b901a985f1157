"""Supporters by consent: a member asks, only the person asked agrees, naming
never touches an invitation someone else sent, and the member sees the same
whatever the address turns out to be. What a supporter did stays when their
account goes."""

import re

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation
from accounts.services import LinkProblem, invitation_check, invitation_create
from charter.models import CharterAcceptance
from charter.selectors import charter_current
from members.acting import may_act_for
from members.models import Assembly, OnBehalfRecord, Support, User
from members.services import person_deactivate
from notifications.models import Notification, OutboxEmail
from opportunities.models import Opportunity
from tests.people import link_from, sign_in

pytestmark = pytest.mark.django_db

ADD = reverse("members:supporter_add")


def name_supporter(client, email, first_name="Sam", last_name="Smith"):
    return client.post(
        ADD,
        {"first_name": first_name, "last_name": last_name, "email": email},
        follow=True,
    )


def lead_invites(email, **kwargs):
    kwargs.setdefault("assembly", Assembly.objects.get(slug="wales"))
    return invitation_create(
        email=email,
        first_name="Sam",
        invited_by=User.objects.get(email="lead@example.org"),
        replace_earlier=True,
        **kwargs,
    )


def accept_invitation(client, email):
    client.logout()
    outbox = OutboxEmail.objects.filter(
        to_address=email, template="emails/invitation"
    ).latest("pk")
    response = client.post(
        link_from(outbox, "accept_url"),
        {
            "first_name": "Sam",
            "last_name": "Smith",
            "new_password1": "kettle on at four",
            "new_password2": "kettle on at four",
        },
    )
    assert response.status_code == 302
    return User.objects.get(email=email)


def request_url(name, support):
    return reverse(f"members:{name}", args=[support.pk])


def can_act_for(client, member) -> bool:
    response = client.post(reverse("members:acting_start", args=[member.pk]))
    return response.status_code == 302 and response["Location"] == reverse(
        "intranet:home"
    )


# What the member sees -----------------------------------------------------------


def _as_the_member_sees_it(page: str) -> str:
    """The page without what changes on every response (form tokens, script
    nonces, the request's number in its button's address)."""
    page = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*', r"\1", page)
    page = re.sub(r'nonce="[^"]*"', "", page)
    return re.sub(r"/\d+/", "/N/", page)


def _closed_account():
    colm = User.objects.get(email="member3@example.org")
    person_deactivate(user=colm, ended_on=timezone.localdate())
    return colm.email


def _lead_invited():
    lead_invites("pending@example.net")
    return "pending@example.net"


@pytest.mark.parametrize(
    "address",
    [
        lambda: "staff@example.org",  # an active account
        _closed_account,
        _lead_invited,  # no account yet, the lead's invitation waiting
    ],
    ids=["account", "closed-account", "invited-by-the-lead"],
)
def test_the_member_sees_the_same_whatever_the_address_is(client, demo_site, address):
    def what_the_member_sees(email_for):
        with transaction.atomic():
            sign_in(client, "member@example.org")
            response = name_supporter(client, email_for())
            profile = client.get(reverse("members:profile")).content.decode()
            transaction.set_rollback(True)
        # Sessions are read from the cache (cached_db): the rolled-back
        # session must go from there too.
        cache.clear()
        assert response.status_code == 200
        return _as_the_member_sees_it(response.content.decode()), profile

    unknown, unknown_profile = what_the_member_sees(lambda: "sam@example.net")
    assert "We have asked Sam to be your supporter. When they agree" in unknown
    assert "Waiting for Sam Smith to agree" in unknown_profile
    known, known_profile = what_the_member_sees(address)
    assert known == unknown
    assert "Waiting for Sam Smith to agree" in known_profile
    assert "Tom Whitlock" not in known_profile  # the staff account's own name
    assert "Colm" not in known_profile


def test_a_closed_account_is_asked_nothing_and_cannot_act(client, demo_site):
    colm_email = _closed_account()
    dafydd = sign_in(client, "member@example.org")
    name_supporter(client, colm_email)
    colm = User.objects.get(email=colm_email)
    assert not Notification.objects.filter(
        recipient=colm, subject__contains="asked you"
    ).exists()
    assert not OutboxEmail.objects.filter(
        to_address=colm_email, subject__icontains="supporter"
    ).exists()
    # Were the account opened again, the request would still wait for a yes.
    assert not may_act_for(colm, dafydd)
    assert Support.objects.get(member=dafydd, supporter=colm).accepted_at is None


# Never touching someone else's invitation ---------------------------------------


def test_naming_someone_the_lead_invited_leaves_the_lead_s_invitation(
    client, demo_site
):
    invitation = lead_invites("sam@example.net")
    dafydd = sign_in(client, "member@example.org")
    response = name_supporter(client, "sam@example.net")
    assert "We have asked Sam to be your supporter" in response.content.decode()

    # Still the lead's one invitation, still working, still for a member.
    assert list(Invitation.objects.filter(email="sam@example.net")) == [invitation]
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None
    sam = accept_invitation(client, "sam@example.net")
    assert sam.profile.role == "member"

    # Their account is new, so they are asked: nothing happens until they agree.
    support = Support.objects.get(member=dafydd, supporter=sam, ended_at=None)
    assert support.accepted_at is None
    assert not can_act_for(client, dafydd)
    dashboard = client.get(reverse("intranet:home")).content.decode()
    assert "Dafydd Pryce has asked you to be their supporter" in dashboard

    client.post(request_url("support_request_accept", support))
    support.refresh_from_db()
    assert support.accepted_at is not None
    assert can_act_for(client, dafydd)
    assert Notification.objects.filter(
        recipient=dafydd, subject="Sam Smith has agreed to be your supporter"
    ).exists()


def test_the_lead_s_invitation_link_still_works_after_the_naming(client, demo_site):
    lead_invites("sam@example.net")
    sign_in(client, "member@example.org")
    name_supporter(client, "sam@example.net")
    outbox = OutboxEmail.objects.get(to_address="sam@example.net")
    token = link_from(outbox, "accept_url").rstrip("/").rsplit("/", 1)[-1]
    assert invitation_check(token=token).ok


def test_two_members_naming_one_address_send_one_invitation(client, demo_site):
    dafydd = sign_in(client, "member@example.org")
    name_supporter(client, "sam@example.net")
    niamh = sign_in(client, "member2@example.org")
    response = name_supporter(client, "sam@example.net")
    assert "We have asked Sam to be your supporter" in response.content.decode()
    invitation = Invitation.objects.get(email="sam@example.net")
    assert invitation.supporting == dafydd
    assert invitation.withdrawn_at is None

    sam = accept_invitation(client, "sam@example.net")
    # Dafydd's invitation was the yes to Dafydd; Niamh's request waits for one.
    assert Support.objects.get(member=dafydd, supporter=sam).accepted_at
    assert Support.objects.get(member=niamh, supporter=sam).accepted_at is None
    assert can_act_for(client, dafydd)
    assert not can_act_for(client, niamh)


def test_the_lead_inviting_again_still_replaces_their_earlier_link(demo_site):
    first = lead_invites("sam@example.net")
    lead_invites("sam@example.net")
    first.refresh_from_db()
    assert first.withdrawn_at is not None


# Saying yes or no ---------------------------------------------------------------


@pytest.fixture
def asked(client, demo_site):
    """Dafydd has asked Tom (staff@, who has an account) to support him."""
    dafydd = sign_in(client, "member@example.org")
    name_supporter(client, "staff@example.org", first_name="Tom")
    client.logout()
    return Support.objects.get(member=dafydd, supporter__email="staff@example.org")


def test_the_person_asked_reads_the_request_and_agrees(client, asked):
    tom = sign_in(client, "staff@example.org")
    note = Notification.objects.get(recipient=tom, dedupe_key__startswith="support-")
    assert note.url == request_url("support_request", asked)
    page = client.get(note.url).content.decode()
    assert "<h1>Be Dafydd Pryce's supporter?</h1>" in page
    assert not can_act_for(client, asked.member)

    response = client.post(request_url("support_request_accept", asked), follow=True)
    assert "You can now act for Dafydd Pryce" in response.content.decode()
    assert "Act for Dafydd Pryce" in response.content.decode()
    assert can_act_for(client, asked.member)

    sign_in(client, "member@example.org")
    profile = client.get(reverse("members:profile")).content.decode()
    assert "Waiting for" not in profile
    assert "Stop Tom acting for me" in profile


def test_the_person_asked_says_no(client, asked):
    sign_in(client, "staff@example.org")
    client.post(request_url("support_request_decline", asked))
    asked.refresh_from_db()
    assert asked.declined_at and asked.ended_at
    assert not can_act_for(client, asked.member)
    # Told in the member's own words for them, and kindly.
    assert Notification.objects.filter(
        recipient=asked.member, subject="Tom Smith will not be your supporter for now"
    ).exists()
    # A no cannot be turned into a yes afterwards.
    response = client.post(request_url("support_request_accept", asked))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "email",
    [
        "member@example.org",  # the member who asked cannot answer for Tom
        "member2@example.org",
        "supporter@example.org",
        "lead@example.org",
        "admin@example.org",
    ],
)
def test_only_the_person_asked_can_answer(client, asked, email):
    sign_in(client, email)
    assert client.get(request_url("support_request", asked)).status_code == 404
    for answer in ["support_request_accept", "support_request_decline"]:
        assert client.post(request_url(answer, asked)).status_code == 404
    asked.refresh_from_db()
    assert asked.accepted_at is None and asked.ended_at is None


def test_a_visitor_is_sent_to_sign_in(client, asked):
    response = client.post(request_url("support_request_accept", asked))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    asked.refresh_from_db()
    assert asked.accepted_at is None


def test_answers_are_posted_never_by_opening_a_link(client, asked):
    sign_in(client, "staff@example.org")
    response = client.get(request_url("support_request_accept", asked))
    assert response.status_code == 405
    asked.refresh_from_db()
    assert asked.accepted_at is None


def test_a_request_taken_back_cannot_be_accepted(client, asked):
    sign_in(client, "member@example.org")
    response = client.post(
        reverse("members:supporter_remove", args=[asked.pk]), follow=True
    )
    assert "We have taken back your request to Tom Smith" in response.content.decode()
    sign_in(client, "staff@example.org")
    response = client.post(request_url("support_request_accept", asked))
    assert response.status_code == 404
    assert not can_act_for(client, asked.member)


def test_taking_back_a_request_withdraws_the_member_s_own_invitation(client, demo_site):
    dafydd = sign_in(client, "member@example.org")
    name_supporter(client, "sam@example.net")
    outbox = OutboxEmail.objects.get(to_address="sam@example.net")
    support = Support.objects.get(member=dafydd, email="sam@example.net")
    client.post(reverse("members:supporter_remove", args=[support.pk]))
    client.logout()
    link = link_from(outbox, "accept_url")
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert invitation_check(token=token).problem == LinkProblem.WITHDRAWN
    assert client.get(link).status_code == 410
    assert not User.objects.filter(email="sam@example.net").exists()


# Support-needs words while acting ------------------------------------------------


def test_support_needs_speak_to_the_member(client, demo_site):
    sign_in(client, "member2@example.org")
    page = client.get(reverse("members:profile_section", args=["support"]))
    page = page.content.decode()
    assert "Your access and support needs" in page
    assert "Private: only you and the engagement lead see this (and a supporter" in (
        page
    )


def test_support_needs_speak_truly_to_a_supporter_acting(client, demo_site):
    niamh = User.objects.get(email="member2@example.org")
    sign_in(client, "supporter@example.org")
    client.post(reverse("members:acting_start", args=[niamh.pk]))
    page = client.get(reverse("members:profile_section", args=["support"]))
    page = page.content.decode()
    assert "Niamh&#x27;s access and support needs" in page
    assert "Private: only Niamh, the engagement lead and Niamh&#x27;s supporters" in (
        page
    )
    assert "Your access and support needs" not in page
    assert "only you" not in page


def test_opportunity_sign_up_words_speak_truly_to_a_supporter_acting(client, demo_site):
    niamh = User.objects.get(email="member2@example.org")
    # A copy of an open opportunity, which Niamh has not signed up for yet.
    opportunity = Opportunity.objects.filter(status=Opportunity.Status.OPEN).first()
    opportunity.pk = opportunity.id = None
    opportunity._state.adding = True
    opportunity.save()
    sign_in(client, "supporter@example.org")
    client.post(reverse("members:acting_start", args=[niamh.pk]))
    page = client.get(reverse("opportunities:detail", args=[opportunity.pk]))
    page = page.content.decode()
    assert "Niamh&#x27;s access and support needs for this opportunity" in page
    assert "Private: only Niamh, the engagement lead and Niamh&#x27;s supporters" in (
        page
    )
    assert "only you" not in page
    client.post(
        reverse("opportunities:sign_up", args=[opportunity.pk]),
        {"support_needs": "Large print, please"},
    )
    page = client.get(reverse("opportunities:detail", args=[opportunity.pk]))
    assert "Their access and support needs (only they, the engagement lead" in (
        page.content.decode()
    )

    client.post(reverse("members:acting_stop"))
    client.logout()
    sign_in(client, "member2@example.org")
    own = client.get(reverse("opportunities:detail", args=[opportunity.pk]))
    assert "Your access and support needs (only you, the engagement lead" in (
        own.content.decode()
    )


# What a supporter did stays ------------------------------------------------------


def test_deleting_a_supporter_s_account_keeps_what_they_did(client, demo_site):
    niamh = User.objects.get(email="member2@example.org")
    aoife = sign_in(client, "supporter@example.org")
    aoife_name = str(aoife)
    client.post(reverse("members:acting_start", args=[niamh.pk]))
    client.post(
        reverse("members:profile_section", args=["support"]),
        {"support_needs": "A hearing loop."},
    )
    version = charter_current()
    client.post(reverse("charter:accept", args=[version.number]), {"agree": "on"})

    aoife.delete()

    record = OnBehalfRecord.objects.get(
        member=niamh, action="Changed access and support needs"
    )
    assert record.supporter is None
    assert record.supporter_name == aoife_name
    assert CharterAcceptance.objects.filter(user=niamh, version=version).exists()
    sign_in(client, "member2@example.org")
    profile = client.get(reverse("members:profile")).content.decode()
    assert (
        f"{aoife_name} (account since closed): Changed access and support needs"
        in profile
    )
