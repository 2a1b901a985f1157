"""Two-step sign-in: the lead and administrators give a code from an
authenticator app after their password; members may choose to."""

import re
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import hotp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import links as account_links
from accounts.checks import demo_totp_secret_check
from accounts.models import SignInLink
from accounts.two_step import DEMO_TOTP_SECRET
from accounts.two_step.services import recovery_codes_replace, two_step_check
from members.models import User
from notifications.models import OutboxEmail
from tests.people import link_from, sign_in

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
VERIFY = reverse("accounts:two_step")
SET_UP = reverse("accounts:two_step_set_up")
RECOVERY = reverse("accounts:two_step_recovery")
PASSWORD = "coproduction"

# The screens that hold everyone's data, and one any signed-in person has.
LEAD_SCREENS = [
    "/admin/",
    "/admin/users/",
    reverse("members:people"),
    reverse("members:person_add"),
    reverse("intranet:home"),
]


def password_sign_in(client, email):
    response = client.post(LOGIN, {"username": email, "password": PASSWORD})
    assert response.status_code == 302, "the password was refused"
    return response


def code_for(email, *, step=0) -> str:
    """What the person's authenticator app shows now (or `step` steps
    later). A code counts once, so a second use in the same 30 seconds
    takes the next one, as an app would a moment later."""
    device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    now = int(time.time()) // device.step + device.drift + step
    return f"{hotp(device.bin_key, max(now, device.last_t + 1), 6):06d}"


def signed_in_as(client):
    user_id = client.session.get(SESSION_KEY)
    return User.objects.get(pk=user_id).email if user_id else None


def set_up_code(client) -> str:
    """Reads the secret from the set-up page as a person typing it would."""
    page = client.get(SET_UP).content.decode()
    secret = re.search(r'class="secret-key"><code>([A-Z2-7 ]+)</code>', page)[1]
    from base64 import b32decode

    key = b32decode(secret.replace(" ", ""))
    return f"{hotp(key, int(time.time()) // 30, 6):06d}"


# The lead and administrators ------------------------------------------------


@pytest.mark.parametrize("email", ["lead@example.org", "admin@example.org"])
def test_a_password_alone_opens_no_page_until_the_code_is_given(
    client, demo_site, email
):
    password_sign_in(client, email)
    for path in LEAD_SCREENS:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"{VERIFY}?next={path.replace('/', '%2F')}"
    # Nor can a half-signed-in session change anything.
    response = client.post(reverse("members:person_add"), {"email": "x@example.org"})
    assert response.status_code == 302
    assert response["Location"] == VERIFY
    assert not OutboxEmail.objects.filter(to_address="x@example.org").exists()

    response = client.post(VERIFY, {"code": code_for(email), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("intranet:home")).status_code == 200


def test_the_code_field_helps_phones_and_password_managers(client, demo_site):
    password_sign_in(client, "lead@example.org")
    content = client.get(VERIFY).content.decode()
    field = re.search(r"<input[^>]*name=\"code\"[^>]*>", content)[0]
    assert 'autocomplete="one-time-code"' in field
    assert 'inputmode="numeric"' in field
    assert '<label class="field__label" for="id_code">' in content
    assert "Use a recovery code" in content


def test_a_wrong_code_says_so_next_to_the_field_and_keeps_what_was_typed(
    client, demo_site
):
    password_sign_in(client, "lead@example.org")
    wrong = f"{(int(code_for('lead@example.org')) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong, "next": "/admin/"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "That code did not work" in content
    assert 'id="id_code_error"' in content
    assert 'aria-describedby="id_code_helptext id_code_error"' in content
    assert f'value="{wrong}"' in content
    assert "<title>Error: " in content
    assert client.get("/admin/").status_code == 302

    letters = client.post(VERIFY, {"code": "12ab56"}).content.decode()
    assert "The code is 6 numbers, like 123456" in letters
    assert 'value="12ab56"' in letters


def test_wrong_codes_make_the_next_try_wait(client, demo_site):
    """django-otp's throttle: even the right code waits after a wrong one,
    so guessing all million codes is out of reach."""
    password_sign_in(client, "lead@example.org")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(VERIFY, {"code": "000000"})
        client.post(VERIFY, {"code": "000001"})
        right = code_for("lead@example.org")
        refused = client.post(VERIFY, {"code": right}).content.decode()
    assert "Too many codes that did not work. Wait until" in refused
    with time_machine.travel(start + timedelta(seconds=3), tick=False):
        response = client.post(VERIFY, {"code": code_for("lead@example.org")})
    assert response.status_code == 302


def test_a_code_from_an_app_counts_once(client, demo_site):
    code = code_for("lead@example.org")
    password_sign_in(client, "lead@example.org")
    assert client.post(VERIFY, {"code": code}).status_code == 302
    other = client.__class__()
    password_sign_in(other, "lead@example.org")
    assert (
        "That code did not work" in other.post(VERIFY, {"code": code}).content.decode()
    )


def test_a_lead_without_an_authenticator_sets_one_up_on_first_sign_in(
    client, demo_site
):
    TOTPDevice.objects.filter(user__email="lead@example.org").delete()
    password_sign_in(client, "lead@example.org")
    response = client.get(reverse("members:people"))
    assert response["Location"] == f"{SET_UP}?next=%2Fmembers%2Fpeople%2Fmanage%2F"
    assert client.get(VERIFY)["Location"].startswith(SET_UP)

    page = client.get(SET_UP).content.decode()
    assert "You can see everyone's information" in page
    assert 'src="data:image/svg+xml' in page
    assert 'alt="QR code for your authenticator app' in page
    # Reloading keeps the secret already scanned.
    assert set_up_code(client) == set_up_code(client)

    wrong = client.post(SET_UP, {"code": "000000"}).content.decode()
    assert 'id="id_code_error"' in wrong
    assert client.get("/admin/").status_code == 302

    # A moment later (a wrong code makes the next try wait a second).
    with time_machine.travel(timezone.now() + timedelta(seconds=3)):
        response = client.post(
            SET_UP, {"code": set_up_code(client), "next": "/members/people/manage/"}
        )
    codes_page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{4} [a-z2-7]{4})</code></li>", codes_page)
    assert len(codes) == 10
    # Shown until they say they have kept them, then never again.
    assert codes[0] in client.get(response["Location"]).content.decode()
    done = client.post(
        reverse("accounts:two_step_codes"), {"next": "/members/people/manage/"}
    )
    assert done["Location"] == "/members/people/manage/"
    assert client.get(reverse("accounts:two_step_codes"))["Location"] == (
        reverse("intranet:home")
    )
    assert client.get("/members/people/manage/").status_code == 200
    assert (
        StaticToken.objects.filter(device__user__email="lead@example.org").count() == 10
    )


def test_a_password_alone_cannot_set_up_a_new_phone(client, demo_site):
    password_sign_in(client, "lead@example.org")
    assert client.get(SET_UP)["Location"].startswith(VERIFY)
    client.post(SET_UP, {"code": "123456"})
    device = TOTPDevice.objects.get(user__email="lead@example.org")
    assert device.confirmed
    assert TOTPDevice.objects.filter(user__email="lead@example.org").count() == 1


def test_a_recovery_code_signs_in_once(client, demo_site):
    lead = User.objects.get(email="lead@example.org")
    code = recovery_codes_replace(user=lead)[0]
    password_sign_in(client, "lead@example.org")
    recovery_page = client.get(RECOVERY).content.decode()
    assert 'name="recovery_code"' in recovery_page
    # Typed as printed, with a space and capitals.
    typed = f"{code[:4].upper()} {code[4:]}"
    response = client.post(RECOVERY, {"recovery_code": typed, "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert "You have 9 left" in client.get("/admin/").content.decode()

    client.post(reverse("accounts:logout"))
    password_sign_in(client, "lead@example.org")
    again = client.post(RECOVERY, {"recovery_code": code})
    content = again.content.decode()
    assert "That recovery code did not work" in content
    assert f'value="{code}"' in content
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("email", ["lead@example.org", "admin@example.org"])
def test_a_sign_in_link_is_refused_for_the_lead_and_administrators(
    client, demo_site, email
):
    # Asking for one sends none (test_account_links.py: they are told how to
    # sign in instead); a link made before they held the role is refused.
    client.post(reverse("accounts:sign_in_link"), {"email": email})
    assert not OutboxEmail.objects.filter(template="emails/sign_in_link").exists()
    made = SignInLink.objects.create(
        user=User.objects.get(email=email),
        token_hash="placeholder",
        expires_at=timezone.now() + timedelta(minutes=15),
    )
    link = urlparse(account_links.sign_in_link(str(made.pk))["sign_in_url"]).path
    for response in [client.get(link), client.post(link)]:
        assert response.status_code == 403
        assert "Sign in with your password and code" in response.content.decode()
    assert signed_in_as(client) is None


def test_the_lead_cannot_turn_two_step_off(client, demo_site):
    sign_in(client, "lead@example.org")
    profile = client.get(reverse("members:profile")).content.decode()
    assert "Your role needs it" in profile
    assert reverse("accounts:two_step_turn_off") not in profile
    response = client.post(
        reverse("accounts:two_step_turn_off"), {"password": PASSWORD}
    )
    assert response.status_code == 404
    assert TOTPDevice.objects.filter(user__email="lead@example.org").exists()


# Members and supporters -------------------------------------------------------


@pytest.mark.parametrize("email", ["member@example.org", "supporter@example.org"])
def test_members_and_supporters_are_never_asked_unless_they_choose(
    client, demo_site, email
):
    response = password_sign_in(client, email)
    assert client.get(response["Location"]).status_code == 200
    assert (
        "Turn on two-step sign-in"
        in client.get(reverse("members:profile")).content.decode()
    )


def test_a_member_turns_it_on_and_is_then_asked_after_password_and_link(
    client, demo_site
):
    sign_in(client, "member@example.org")
    response = client.post(SET_UP, {"code": set_up_code(client)})
    assert response.status_code == 302
    assert client.get(reverse("members:profile")).status_code == 200

    other = client.__class__()
    password_sign_in(other, "member@example.org")
    assert other.get(reverse("intranet:home"))["Location"].startswith(VERIFY)
    assert (
        other.post(VERIFY, {"code": code_for("member@example.org", step=1)}).status_code
        == 302
    )
    assert other.get(reverse("intranet:home")).status_code == 200

    # A sign-in link proves the mailbox, not the phone: the code is still asked.
    by_link = client.__class__()
    by_link.post(reverse("accounts:sign_in_link"), {"email": "member@example.org"})
    link = link_from(
        OutboxEmail.objects.get(template="emails/sign_in_link"), "sign_in_url"
    )
    assert by_link.post(link)["Location"] == reverse("intranet:home")
    assert by_link.get(reverse("intranet:home"))["Location"].startswith(VERIFY)


def test_a_member_turns_it_off_with_their_password(client, demo_site):
    member = User.objects.get(email="member@example.org")
    TOTPDevice.objects.create(user=member, confirmed=True)
    recovery_codes_replace(user=member)
    sign_in(client, "member@example.org")
    off = reverse("accounts:two_step_turn_off")
    assert off in client.get(reverse("members:profile")).content.decode()

    wrong = client.post(off, {"password": "not it"})
    assert wrong.status_code == 400
    assert 'id="id_password_error"' in wrong.content.decode()
    assert TOTPDevice.objects.filter(user=member).exists()

    assert client.post(off, {"password": PASSWORD})["Location"] == reverse(
        "members:profile"
    )
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert not StaticToken.objects.filter(device__user=member).exists()
    other = client.__class__()
    response = password_sign_in(other, "member@example.org")
    assert other.get(response["Location"]).status_code == 200


def test_a_supporter_acting_for_a_member_does_not_see_her_two_step(client, demo_site):
    from members.acting import SESSION_KEY as ACTING

    sign_in(client, "supporter@example.org")
    session = client.session
    session[ACTING] = User.objects.get(email="member2@example.org").pk
    session.save()
    profile = client.get(reverse("members:profile")).content.decode()
    assert "Niamh" in profile
    assert "Two-step sign-in" not in profile


# Resetting someone else's ----------------------------------------------------


def reset_url(email):
    return reverse("accounts:two_step_reset", args=[User.objects.get(email=email).pk])


def test_the_lead_resets_a_members_two_step_from_their_page(client, demo_site):
    member = User.objects.get(email="member@example.org")
    TOTPDevice.objects.create(user=member, confirmed=True)
    sign_in(client, "lead@example.org")
    page = client.get(reverse("members:person", args=[member.pk])).content.decode()
    assert reset_url("member@example.org") in page
    assert (
        "nothing to reset"
        not in client.get(reset_url("member@example.org")).content.decode()
    )
    response = client.post(
        reset_url("member@example.org"),
        {"next": f"/members/people/manage/{member.pk}/"},
    )
    assert response["Location"] == f"/members/people/manage/{member.pk}/"
    assert not TOTPDevice.objects.filter(user=member).exists()


@pytest.mark.parametrize(
    "by, whose",
    [
        ("member@example.org", "member2@example.org"),
        ("staff@example.org", "member2@example.org"),
        ("member@example.org", "lead@example.org"),
        ("lead@example.org", "admin@example.org"),
        ("lead@example.org", "lead@example.org"),
    ],
)
def test_no_one_else_may_reset_two_step(client, demo_site, by, whose):
    person = User.objects.get(email=whose)
    TOTPDevice.objects.get_or_create(user=person, confirmed=True)
    sign_in(client, by)
    assert client.get(reset_url(whose)).status_code == 404
    assert client.post(reset_url(whose)).status_code == 404
    assert TOTPDevice.objects.filter(user=person).exists()


def test_an_administrator_resets_the_lead_who_then_sets_up_again(client, demo_site):
    lead_session = client.__class__()
    sign_in(lead_session, "lead@example.org")
    assert lead_session.get("/admin/").status_code == 200

    sign_in(client, "admin@example.org")
    listing = client.get("/admin/users/").content.decode()
    assert "Reset two-step sign-in" in listing
    client.post(reset_url("lead@example.org"))

    # Wherever the lead is signed in, the old authenticator no longer counts.
    response = lead_session.get("/admin/")
    assert response["Location"] == f"{SET_UP}?next=%2Fadmin%2F"


def test_a_management_command_resets_two_step(demo_site, capsys):
    call_command("two_step_reset", "LEAD@example.org")
    assert "They set it up again the next time they sign in" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user__email="lead@example.org").exists()


# The demo's published secret -------------------------------------------------


def test_the_demo_lead_and_administrator_share_the_published_secret(demo_site):
    from base64 import b32decode

    key = b32decode(DEMO_TOTP_SECRET).hex()
    assert set(
        TOTPDevice.objects.filter(key=key, confirmed=True).values_list(
            "user__email", flat=True
        )
    ) == {"lead@example.org", "admin@example.org"}
    root = Path(__file__).resolve().parent.parent
    assert DEMO_TOTP_SECRET in (root / "README.md").read_text()
    assert DEMO_TOTP_SECRET in (root / "bin" / "dev-server").read_text()


def test_production_refuses_the_demo_secret(demo_site, settings):
    lead = User.objects.get(email="lead@example.org")
    assert demo_totp_secret_check(databases=["default"]) == []

    settings.DEMO_CONTENT_ALLOWED = False
    errors = demo_totp_secret_check(databases=["default"])
    assert [error.id for error in errors] == ["accounts.E001"]
    assert "lead@example.org" in errors[0].msg
    # And should the check be ignored, its codes never sign in.
    assert not two_step_check(user=lead, code=code_for("lead@example.org")).ok

    TOTPDevice.objects.filter(
        user__email__in=["lead@example.org", "admin@example.org"]
    ).delete()
    assert demo_totp_secret_check(databases=["default"]) == []


def test_the_page_after_the_code_stays_on_this_site(client, demo_site):
    password_sign_in(client, "lead@example.org")
    response = client.post(
        VERIFY, {"code": code_for("lead@example.org"), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("intranet:home")
