"""Lockout behind a proxy: the client's address comes from X-Forwarded-For,
with the proxy count from the environment (AXES_PROXY_COUNT).

The settings are read from cms.settings.production in a subprocess, then the
same values are applied to the test's settings to try signing in.
"""

import json

import pytest
from axes.helpers import get_client_ip_address
from django.contrib.auth import SESSION_KEY
from django.test import RequestFactory
from django.urls import reverse

from core.client_address import client_address
from tests.production import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
PASSWORD = "coproduction"
PROXY = "10.0.0.2"  # what Django sees as REMOTE_ADDR behind the proxy
PROXY_SETTINGS = ["CLIENT_ADDRESS_PROXY_COUNT", "AXES_CLIENT_IP_CALLABLE"]


def production_settings(**env):
    """The proxy settings production ends up with, given these variables."""
    code = (
        "import json; from django.conf import settings; print(json.dumps("
        f"{{name: getattr(settings, name) for name in {PROXY_SETTINGS!r}}}))"
    )
    result = run_manage("shell", "-c", code, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production_behind_one_proxy():
    return production_settings(AXES_PROXY_COUNT="1")


@pytest.fixture
def behind_one_proxy(settings, production_behind_one_proxy):
    for name, value in production_behind_one_proxy.items():
        setattr(settings, name, value)


def sign_in_from(client, email, password, address, forged=""):
    """A sign-in through the proxy, which appends the address it saw; a
    client may have sent its own X-Forwarded-For in front of that."""
    return client.post(
        LOGIN,
        {"username": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{forged}, {address}" if forged else address,
    )


def assert_locked(response):
    assert response.status_code == 429
    assert "You can try your password again after" in response.content.decode()


def assert_not_locked(response):
    """Let in: sent on (to the dashboard, or a second step), not kept at the
    sign-in page and not paused."""
    assert response.status_code == 302
    assert not response["Location"].startswith(LOGIN)


# Production settings ---------------------------------------------------------


def test_production_takes_the_proxy_count_from_the_environment(
    production_behind_one_proxy,
):
    assert production_behind_one_proxy == {
        "CLIENT_ADDRESS_PROXY_COUNT": 1,
        "AXES_CLIENT_IP_CALLABLE": "core.client_address.client_address",
    }
    assert production_settings()["CLIENT_ADDRESS_PROXY_COUNT"] == 0


def test_production_refuses_a_negative_proxy_count():
    result = run_manage("check", env={**PRODUCTION_ENV, "AXES_PROXY_COUNT": "-1"})
    assert result.returncode != 0
    assert "AXES_PROXY_COUNT" in result.stderr


# Signing in through the proxy --------------------------------------------------


def test_five_failures_from_one_address_do_not_stop_the_lead_from_another(
    client, demo_site, behind_one_proxy
):
    for _ in range(4):
        response = sign_in_from(client, "lead@example.org", "wrong", "198.51.100.7")
        assert response.status_code == 200
    assert_locked(sign_in_from(client, "lead@example.org", "wrong", "198.51.100.7"))
    # The right password from that address waits too: the lock is real...
    assert_locked(sign_in_from(client, "lead@example.org", PASSWORD, "198.51.100.7"))
    assert client.session.get(SESSION_KEY) is None
    # ...but it is that address's alone.
    lead = client.__class__()
    assert_not_locked(sign_in_from(lead, "lead@example.org", PASSWORD, "203.0.113.20"))


def test_one_members_typos_at_a_shared_computer_lock_out_no_one_else(
    client, demo_site, behind_one_proxy
):
    day_centre = "198.51.100.50"
    for _ in range(5):
        sign_in_from(client, "member@example.org", "wromg", day_centre)
    assert_locked(sign_in_from(client, "member@example.org", PASSWORD, day_centre))
    next_person = client.__class__()
    response = sign_in_from(next_person, "member2@example.org", PASSWORD, day_centre)
    assert_not_locked(response)
    assert next_person.session[SESSION_KEY]


def test_addresses_a_client_writes_in_front_do_not_escape_the_lock(
    client, demo_site, behind_one_proxy
):
    for n in range(5):
        sign_in_from(
            client, "member@example.org", "wrong", "198.51.100.7", forged=f"1.2.3.{n}"
        )
    response = sign_in_from(
        client, "member@example.org", PASSWORD, "198.51.100.7", forged="9.9.9.9"
    )
    assert_locked(response)


def test_without_a_proxy_a_forged_header_is_ignored(client, demo_site):
    # AXES_PROXY_COUNT unset: the address is REMOTE_ADDR, whatever the header.
    for n in range(5):
        client.post(
            LOGIN,
            {"username": "member@example.org", "password": "wrong"},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}",
        )
    response = client.post(
        LOGIN,
        {"username": "member@example.org", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="203.0.113.20",
    )
    assert_locked(response)


# Which address counts ----------------------------------------------------------


def request_with(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        # No proxy: the connection's address; the header is the client's own.
        (0, None, "10.0.0.2"),
        (0, "198.51.100.7", "10.0.0.2"),
        # One proxy: the address it appended, the last one.
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "1.2.3.4, 5.6.7.8,198.51.100.7", "198.51.100.7"),
        # Two proxies: the first appended the client, the second the first.
        (2, "198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (2, "1.2.3.4, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        # Not through the proxies, or not an address: the connection's.
        (1, None, "10.0.0.2"),
        (2, "198.51.100.7", "10.0.0.2"),
        (1, "1.2.3.4, not-an-address", "10.0.0.2"),
        # IPv6 written the long way is the same address.
        (1, "2001:DB8:0:0::1", "2001:db8::1"),
    ],
)
def test_the_client_is_the_nth_address_from_the_right(
    settings, proxies, forwarded, expected
):
    settings.CLIENT_ADDRESS_PROXY_COUNT = proxies
    request = request_with("10.0.0.2", forwarded)
    assert client_address(request) == expected
    # django-axes asks the same function, so a lockout counts the same person.
    assert get_client_ip_address(request) == expected
