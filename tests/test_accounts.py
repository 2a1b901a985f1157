"""Ways in: lockout, sign-in links, password reset, invitations, sessions."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation
from accounts.services import invitation_accept, invitation_create
from core.exceptions import NotAllowed
from members.models import Assembly, Membership, Profile, User
from members.services import person_deactivate
from notifications.models import OutboxEmail
from tests.people import link_from, sign_in

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
PASSWORD = "coproduction"


def attempt(client, email, password, address="10.0.0.1"):
    return client.post(
        LOGIN, {"username": email, "password": password}, REMOTE_ADDR=address
    )


def signed_in_as(client):
    user_id = client.session.get(SESSION_KEY)
    return User.objects.get(pk=user_id).email if user_id else None


# Lockout ---------------------------------------------------------------------


def test_five_wrong_passwords_lock_that_account_from_that_address_only(
    client, demo_site
):
    for _ in range(4):
        assert attempt(client, "member@example.org", "wrong").status_code == 200
    # The fifth mistake already explains the pause; the right password waits.
    assert attempt(client, "member@example.org", "wrong").status_code == 429
    locked = attempt(client, "member@example.org", PASSWORD)
    assert locked.status_code == 429
    content = locked.content.decode()
    assert "You can try your password again after" in content
    assert "Email me a link to sign in" in content
    assert signed_in_as(client) is None

    # Another member at the same computer is not locked out...
    other = client.__class__()
    assert attempt(other, "member2@example.org", PASSWORD).status_code == 302
    # ...and the same member elsewhere is not either.
    elsewhere = client.__class__()
    response = attempt(elsewhere, "member@example.org", PASSWORD, address="10.9.9.9")
    assert response.status_code == 302


def test_capital_letters_do_not_buy_more_guesses(client, demo_site):
    for spelling in ["member@example.org", "Member@example.org", "MEMBER@example.org"]:
        attempt(client, spelling, "wrong")
        attempt(client, spelling.lower(), "wrong")
    assert attempt(client, "member@example.org", PASSWORD).status_code == 429


def test_the_lock_ends_by_itself_and_trying_meanwhile_does_not_extend_it(
    client, demo_site
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            attempt(client, "member@example.org", "wrong")
    with time_machine.travel(start + timedelta(minutes=10), tick=False):
        assert attempt(client, "member@example.org", "wrong").status_code == 429
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert attempt(client, "member@example.org", PASSWORD).status_code == 302


def test_a_successful_sign_in_clears_earlier_mistakes(client, demo_site):
    for _ in range(4):
        attempt(client, "member@example.org", "wrong")
    assert attempt(client, "member@example.org", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        attempt(client, "member@example.org", "wrong")
    assert attempt(client, "member@example.org", PASSWORD).status_code == 302


# Sessions and caching --------------------------------------------------------


def test_signing_in_starts_a_new_session(client, demo_site):
    session = client.session  # the test client saves it and sets the cookie
    session["before"] = "x"
    session.save()
    before = session.session_key
    assert before and client.cookies["sessionid"].value == before
    attempt(client, "member@example.org", PASSWORD)
    assert client.session.session_key != before


def test_pages_for_a_signed_in_person_are_not_stored(client, demo_site):
    public = client.get("/")
    assert "no-store" not in public.get("Cache-Control", "")
    sign_in(client, "member@example.org")
    for path in ["/", reverse("intranet:home"), reverse("notifications:centre")]:
        assert "no-store" in client.get(path)["Cache-Control"], path


def test_signing_in_goes_to_the_dashboard(client, demo_site):
    response = attempt(client, "member@example.org", PASSWORD)
    assert response["Location"] == reverse("intranet:home")


# Sign-in links ---------------------------------------------------------------


def request_link(client, email="member@example.org"):
    return client.post(reverse("accounts:sign_in_link"), {"email": email})


def test_a_sign_in_link_is_emailed_and_signs_in_once(client, demo_site):
    response = request_link(client)
    assert response["Location"] == reverse("accounts:sign_in_link_sent")
    email = OutboxEmail.objects.get(template="emails/sign_in_link")
    assert email.to_address == "member@example.org"
    link = link_from(email, "sign_in_url")

    # Opening the link (as a mail scanner would) does not sign in.
    page = client.get(link)
    assert "Sign me in" in page.content.decode()
    assert signed_in_as(client) is None

    assert client.post(link)["Location"] == reverse("intranet:home")
    assert signed_in_as(client) == "member@example.org"

    client.post(reverse("accounts:logout"))
    reused = client.get(link)
    assert reused.status_code == 410
    assert "already been used" in reused.content.decode()
    assert "Email me a new link" in reused.content.decode()
    client.post(link)
    assert signed_in_as(client) is None


def test_an_old_sign_in_link_says_it_has_run_out_and_offers_a_new_one(
    client, demo_site
):
    request_link(client)
    link = link_from(
        OutboxEmail.objects.get(template="emails/sign_in_link"), "sign_in_url"
    )
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = client.get(link)
        assert response.status_code == 410
        content = response.content.decode()
        assert "has run out" in content
        assert 'value="member@example.org"' in content
        client.post(link)
        assert signed_in_as(client) is None


def test_asking_for_a_link_does_not_reveal_who_has_an_account(client, demo_site):
    known = request_link(client, "member@example.org")
    unknown = request_link(client, "nobody@example.org")
    assert known["Location"] == unknown["Location"]
    assert not OutboxEmail.objects.filter(to_address="nobody@example.org").exists()


def test_at_most_one_link_a_minute(client, demo_site):
    request_link(client)
    request_link(client)
    assert OutboxEmail.objects.filter(template="emails/sign_in_link").count() == 1


def test_a_link_clears_a_lockout(client, demo_site):
    for _ in range(5):
        attempt(client, "member@example.org", "wrong")
    request_link(client)
    link = link_from(
        OutboxEmail.objects.get(template="emails/sign_in_link"), "sign_in_url"
    )
    client.post(link)
    client.post(reverse("accounts:logout"))
    assert attempt(client, "member@example.org", PASSWORD).status_code == 302


def test_a_bad_email_address_is_explained_next_to_the_field(client, demo_site):
    response = request_link(client, "not an address")
    content = response.content.decode()
    assert 'id="id_email_error"' in content
    assert "Enter an email address like name@example.org" in content
    assert 'value="not an address"' in content


# Password reset --------------------------------------------------------------


def test_a_forgotten_password_is_reset_through_an_emailed_link(client, demo_site):
    for _ in range(5):
        attempt(client, "member@example.org", "wrong")
    response = client.post(
        reverse("accounts:password_reset"), {"email": "member@example.org"}
    )
    assert response["Location"] == reverse("accounts:password_reset_sent")
    email = OutboxEmail.objects.get(template="emails/password_reset")
    form_page = client.get(link_from(email, "reset_url"), follow=True)
    assert "Choose a new password" in form_page.content.decode()
    new = "a kettle on the hob"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new, "new_password2": new},
    )
    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert attempt(client, "member@example.org", new).status_code == 302


def test_different_new_passwords_are_refused_next_to_the_field(client, demo_site):
    client.post(reverse("accounts:password_reset"), {"email": "member@example.org"})
    email = OutboxEmail.objects.get(template="emails/password_reset")
    form_page = client.get(link_from(email, "reset_url"), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a kettle on the hob", "new_password2": "a kettle"},
    )
    assert "The two passwords are different" in response.content.decode()
    assert 'id="id_new_password2_error"' in response.content.decode()


# Invitations -----------------------------------------------------------------


@pytest.fixture
def lead(demo_site):
    return User.objects.get(email="lead@example.org")


def invite(lead, email="newcomer@example.org", **kwargs):
    kwargs.setdefault("assembly", Assembly.objects.get(slug="wales"))
    invitation = invitation_create(
        email=email, first_name="Rhian", invited_by=lead, **kwargs
    )
    email = OutboxEmail.objects.filter(template="emails/invitation").latest("pk")
    return invitation, link_from(email, "accept_url")


def accept(client, link, first="Rhian", last="Evans", password="tea and toast daily"):
    return client.post(
        link,
        {
            "first_name": first,
            "last_name": last,
            "new_password1": password,
            "new_password2": password,
        },
    )


def test_accepting_an_invitation_makes_the_account_role_and_membership(client, lead):
    invitation, link = invite(lead)
    page = client.get(link).content.decode()
    assert "newcomer@example.org" in page
    assert 'value="Rhian"' in page

    response = accept(client, link)
    assert response["Location"] == reverse("intranet:home")
    user = User.objects.get(email="newcomer@example.org")
    assert signed_in_as(client) == "newcomer@example.org"
    assert list(user.groups.values_list("name", flat=True)) == ["Members"]
    assert user.profile.display_name == "Rhian Evans"
    assert user.profile.assembly.slug == "wales"
    membership = Membership.objects.get(user=user)
    assert membership.started_on == timezone.localdate()
    assert membership.ended_on is None
    invitation.refresh_from_db()
    assert invitation.accepted_by == user


def test_a_used_invitation_says_so_and_points_to_sign_in(client, lead):
    _, link = invite(lead)
    accept(client, link)
    client.post(reverse("accounts:logout"))
    response = client.get(link)
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    assert accept(client, link).status_code == 410
    assert User.objects.filter(email="newcomer@example.org").count() == 1


def test_an_expired_invitation_offers_a_new_one_to_the_same_address(client, lead):
    old, link = invite(lead)
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        response = client.get(link)
        assert response.status_code == 410
        assert "has run out" in response.content.decode()
        sent = client.post(
            reverse("accounts:invitation_send_again", args=[link.split("/")[-2]])
        )
        assert "We have sent you a new invitation" in sent.content.decode()
    renewed = Invitation.objects.exclude(pk=old.pk).get(email="newcomer@example.org")
    assert renewed.role == old.role and renewed.assembly == old.assembly
    old.refresh_from_db()
    assert old.withdrawn_at is not None
    new_email = OutboxEmail.objects.filter(template="emails/invitation").latest("pk")
    assert new_email.to_address == "newcomer@example.org"
    assert accept(client, link_from(new_email, "accept_url")).status_code == 302


def test_a_replaced_invitation_points_to_the_newest_email(client, lead):
    _, first_link = invite(lead)
    invite(lead)
    response = client.get(first_link)
    assert response.status_code == 410
    assert "has been replaced" in response.content.decode()


def test_an_unknown_invitation_link_is_not_found(client, demo_site):
    response = client.get(reverse("accounts:invitation", args=["made-up-token"]))
    assert response.status_code == 404
    assert "does not work" in response.content.decode()


def test_a_mistake_on_the_invitation_form_keeps_what_was_typed(client, lead):
    _, link = invite(lead)
    response = accept(client, link, first="Rhiannon", last="Evans", password="short")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'value="Rhiannon"' in content and 'value="Evans"' in content
    assert 'id="id_new_password1_error"' in content
    assert not User.objects.filter(email="newcomer@example.org").exists()


def test_there_is_no_open_sign_up(client, demo_site):
    assert client.get("/accounts/signup/").status_code == 404
    assert client.get("/accounts/register/").status_code == 404


def test_staff_invitations_join_the_staff_group_without_an_assembly(client, lead):
    _, link = invite(lead, email="officer@example.org", role="staff", assembly=None)
    accept(client, link)
    user = User.objects.get(email="officer@example.org")
    assert list(user.groups.values_list("name", flat=True)) == ["Staff"]
    assert not Membership.objects.filter(user=user).exists()


# Leaving ---------------------------------------------------------------------


def test_someone_who_leaves_cannot_sign_in_and_their_history_stays(client, demo_site):
    member = User.objects.get(email="member2@example.org")
    sign_in(client, "member2@example.org")
    ended = timezone.localdate()
    person_deactivate(user=member, ended_on=ended)

    assert signed_in_as(client) is not None  # the session row remains...
    assert not client.get(reverse("intranet:home")).wsgi_request.user.is_authenticated
    assert attempt(client, "member2@example.org", PASSWORD).status_code == 200
    assert User.objects.filter(pk=member.pk).exists()
    assert Profile.objects.get(user=member).left_on == ended
    assert all(m.ended_on == ended for m in Membership.objects.filter(user=member))


def test_accepting_a_used_invitation_is_refused_with_core_not_allowed(demo_site):
    invitation = invitation_create(email="twice-accepted@example.org")
    details = {"first_name": "Ana", "last_name": "Lee", "password": "x-9Long-pass"}
    invitation_accept(invitation=invitation, **details)
    with pytest.raises(NotAllowed, match="already been used"):
        invitation_accept(invitation=invitation, **details)
