"""Rate limits on every form anyone can send without signing in.

Each form is limited per address and per account typed (another format: per
address); past the limit a plain page says when to try again, keeps what was
typed and queues nothing. Limits are the real ones from settings.RATE_LIMITS.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from formats.models import FormatRequest
from notifications.models import Notification, OutboxEmail
from tests.people import sign_in

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
RESET = reverse("accounts:password_reset")
LINK = reverse("accounts:sign_in_link")
ASK = reverse("formats:ask")
PASSWORD = "coproduction"
LONDON = ZoneInfo("Europe/London")
# 2:23 p.m. in summer time: the 10-minute and 15-minute windows end at
# 2:30 p.m., the hour at 3:00 p.m.
AFTERNOON = datetime(2025, 6, 2, 14, 23, tzinfo=LONDON)


def at(moment):
    return time_machine.travel(moment, tick=False)


def sign_in_post(client, email, password="wrong", address="10.0.0.1", **extra):
    return client.post(
        LOGIN, {"username": email, "password": password, **extra}, REMOTE_ADDR=address
    )


def assert_refused(response, until):
    """The plain page: 429, when to try again, and Retry-After to match."""
    assert response.status_code == 429
    content = response.content.decode()
    assert "You have tried this too many times." in content
    assert f"Try again after {until}</strong>" in content
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    return content


def emails_to(address):
    return OutboxEmail.objects.filter(to_address=address).count()


def outbox_sends_everything():
    """As if the outbox task had run: nothing waiting, so a new request for
    the same person would queue a new email."""
    OutboxEmail.objects.update(state=OutboxEmail.State.SENT)


# Signing in ------------------------------------------------------------------


def test_sign_in_is_limited_per_address(client, demo_site):
    with at(AFTERNOON):
        # Twenty tries for twenty accounts (no single account is locked).
        for n in range(20):
            assert sign_in_post(client, f"person{n}@example.org").status_code == 200
        # The 21st is refused before the password is even checked.
        response = sign_in_post(client, "member@example.org", PASSWORD)
        content = assert_refused(response, "2:30 p.m.")
        assert response["Retry-After"] == str(7 * 60)
        assert client.session.get(SESSION_KEY) is None
        # The email is kept, the password is not.
        assert 'value="member@example.org"' in content
        assert PASSWORD not in content
        assert "You will need to type your password again." in content
        # The way forward: a sign-in link for that address, or the lead.
        assert f"{LINK}?email=member%40example.org" in content
        assert "To get help, contact" in content
        # Someone at another address is not affected.
        other = client.__class__()
        assert (
            sign_in_post(other, "member@example.org", PASSWORD, "10.0.0.2").status_code
            == 302
        )


def test_sign_in_is_limited_per_account_from_many_addresses(client, demo_site):
    with at(AFTERNOON):
        for n in range(10):
            response = sign_in_post(client, "lead@example.org", address=f"10.1.0.{n}")
            assert response.status_code == 200
        # Capitals and spaces are the same account.
        response = sign_in_post(client, " Lead@Example.org", PASSWORD, "10.1.0.99")
        assert_refused(response, "2:30 p.m.")
        assert client.session.get(SESSION_KEY) is None
        # Other accounts at that address still sign in.
        other = client.__class__()
        response = sign_in_post(other, "member@example.org", PASSWORD, "10.1.0.99")
        assert response.status_code == 302


def test_sign_in_is_allowed_again_when_the_window_ends_however_often_tried(
    client, demo_site
):
    with at(AFTERNOON):
        for n in range(20):
            sign_in_post(client, f"person{n}@example.org")
    # Trying again during the pause does not make it longer.
    with at(AFTERNOON + timedelta(minutes=6)):
        for _ in range(5):
            response = sign_in_post(client, "member@example.org", PASSWORD)
            assert_refused(response, "2:30 p.m.")
        assert response["Retry-After"] == "60"
    with at(AFTERNOON + timedelta(minutes=7)):
        response = sign_in_post(client, "member@example.org", PASSWORD)
        assert response.status_code == 302


def test_the_page_to_go_back_to_is_kept(client, demo_site):
    with at(AFTERNOON):
        for n in range(20):
            sign_in_post(client, f"person{n}@example.org")
        response = client.post(
            f"{LOGIN}?next=/members/",
            {
                "username": "member@example.org",
                "password": PASSWORD,
                "next": "/members/",
            },
            REMOTE_ADDR="10.0.0.1",
        )
    content = assert_refused(response, "2:30 p.m.")
    assert f'action="{LOGIN}?next=/members/"' in content
    assert '<input type="hidden" name="next" value="/members/">' in content


def test_looking_at_the_forms_never_counts(client, demo_site):
    for _ in range(25):
        assert client.get(LOGIN, REMOTE_ADDR="10.0.0.1").status_code == 200
        assert client.get(ASK, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert sign_in_post(client, "member@example.org", PASSWORD).status_code == 302


def test_a_forged_forwarded_for_does_not_escape_the_address_limit(client, demo_site):
    # No proxy in front (the default): X-Forwarded-For is the client's own
    # invention and is ignored.
    for n in range(20):
        sign_in_post(
            client, f"person{n}@example.org", HTTP_X_FORWARDED_FOR=f"1.2.3.{n}"
        )
    response = client.post(
        LOGIN,
        {"username": "member@example.org", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="9.9.9.9",
    )
    assert response.status_code == 429


def test_behind_a_proxy_each_client_has_its_own_limit(client, demo_site, settings):
    settings.CLIENT_ADDRESS_PROXY_COUNT = 1
    for n in range(20):
        # Addresses the client prepends itself do not make it someone new.
        client.post(
            LOGIN,
            {"username": f"person{n}@example.org", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 198.51.100.7",
        )
    refused = client.post(
        LOGIN,
        {"username": "member@example.org", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert refused.status_code == 429
    # Someone else through the same proxy is not affected.
    other = client.__class__()
    response = other.post(
        LOGIN,
        {"username": "member@example.org", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.20",
    )
    assert response.status_code == 302


# Password reset --------------------------------------------------------------


def reset_post(client, email, address="10.0.0.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_password_reset_is_limited_per_account_and_queues_nothing_more(
    client, demo_site
):
    with at(AFTERNOON):
        for n in range(3):
            response = reset_post(client, "member@example.org", f"10.2.0.{n}")
            assert response.status_code == 302
    assert emails_to("member@example.org") >= 1
    outbox_sends_everything()
    before = OutboxEmail.objects.count()
    # A new minute would make a new reset link, and a new email, if allowed.
    with at(AFTERNOON + timedelta(minutes=1)):
        response = reset_post(client, "MEMBER@example.org", "10.2.0.9")
    content = assert_refused(response, "3:00 p.m.")
    assert response["Retry-After"] == str(36 * 60)
    assert OutboxEmail.objects.count() == before
    assert 'value="MEMBER@example.org"' in content
    assert f"{LINK}?email=MEMBER%40example.org" in content
    with at(AFTERNOON + timedelta(minutes=37)):
        assert reset_post(client, "member@example.org", "10.2.0.9").status_code == 302
    assert OutboxEmail.objects.count() == before + 1


def test_password_reset_is_limited_per_address(client, demo_site):
    with at(AFTERNOON):
        for n in range(10):
            assert reset_post(client, f"person{n}@example.org").status_code == 302
        before = OutboxEmail.objects.count()
        assert_refused(reset_post(client, "member@example.org"), "3:00 p.m.")
        assert OutboxEmail.objects.count() == before
        assert reset_post(client, "member@example.org", "10.2.0.50").status_code == 302
        assert OutboxEmail.objects.count() == before + 1


# Sign-in links ---------------------------------------------------------------


def link_post(client, email, address="10.0.0.1"):
    return client.post(LINK, {"email": email}, REMOTE_ADDR=address)


def test_sign_in_links_are_limited_per_account_and_queue_nothing_more(
    client, demo_site
):
    start = datetime(2025, 6, 2, 14, 16, tzinfo=LONDON)
    before = emails_to("member2@example.org")
    # Two minutes apart, so the one-a-minute guard never holds one back.
    for n in range(3):
        with at(start + timedelta(minutes=2 * n)):
            response = link_post(client, "member2@example.org", f"10.3.0.{n}")
            assert response.status_code == 302
        outbox_sends_everything()
    assert emails_to("member2@example.org") == before + 3
    with at(start + timedelta(minutes=6)):
        response = link_post(client, "member2@example.org", "10.3.0.9")
    content = assert_refused(response, "2:30 p.m.")
    assert response["Retry-After"] == str(8 * 60)
    assert emails_to("member2@example.org") == before + 3
    assert 'value="member2@example.org"' in content
    assert "a link we sent in the last 15 minutes still works" in content
    with at(start + timedelta(minutes=14)):
        assert link_post(client, "member2@example.org", "10.3.0.9").status_code == 302
    assert emails_to("member2@example.org") == before + 4


def test_sign_in_links_are_limited_per_address(client, demo_site):
    before = emails_to("member2@example.org")
    with at(AFTERNOON):
        for n in range(10):
            assert link_post(client, f"person{n}@example.org").status_code == 302
        assert_refused(link_post(client, "member2@example.org"), "3:00 p.m.")
        assert emails_to("member2@example.org") == before
        assert link_post(client, "member2@example.org", "10.3.0.50").status_code == 302
        assert emails_to("member2@example.org") == before + 1


# Another format --------------------------------------------------------------


def format_request(client, name="Pat", address="10.0.0.1"):
    return client.post(
        ASK,
        {
            "page_path": "/stories/",
            "format": "large_print",
            "details": "The second half, please.",
            "name": name,
            "reply_to": "07700 900123",
        },
        REMOTE_ADDR=address,
    )


def test_another_format_is_limited_per_address_and_nothing_is_lost(client, demo_site):
    with at(AFTERNOON):
        for n in range(5):
            assert format_request(client, name=f"Pat {n}").status_code == 200
        requests = FormatRequest.objects.count()
        notes = Notification.objects.count()
        emails = OutboxEmail.objects.count()
        response = format_request(client, name="Sam")
    content = assert_refused(response, "3:00 p.m.")
    assert FormatRequest.objects.count() == requests
    assert Notification.objects.count() == notes
    assert OutboxEmail.objects.count() == emails
    assert not FormatRequest.objects.filter(name="Sam").exists()
    # Everything typed is on the page, ready to send again.
    assert 'value="Sam"' in content
    assert 'value="07700 900123"' in content
    assert "The second half, please.</textarea>" in content
    assert re.search(
        r'<input type="radio"[^>]*value="large_print"[^>]*checked', content
    )
    assert 'name="page_path" value="/stories/"' in content
    # The lead's contact details are the way forward.
    assert "To get help, contact" in content
    # Someone at another address can still ask.
    assert format_request(client, name="Sam", address="10.4.0.1").status_code == 200
    assert FormatRequest.objects.filter(name="Sam").count() == 1


def test_a_signed_in_member_is_counted_as_themselves(client, demo_site):
    with at(AFTERNOON):
        for n in range(5):
            format_request(client, name=f"Pat {n}")
        assert format_request(client, name="Sam").status_code == 429
        # A member at the same day-centre computer, signed in, can still ask.
        sign_in(client, "member2@example.org")
        assert format_request(client, name="Mo").status_code == 200
        assert FormatRequest.objects.filter(name="Mo").exists()
