"""A sign-in ends after 30 minutes without activity and 8 hours after it
began, whatever happens in between; production cookies carry __Host-."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.services import invitation_create
from charter.models import CharterAcceptance
from members.models import Assembly, User
from notifications.models import OutboxEmail
from tests.people import link_from, sign_in
from tests.production import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
DASHBOARD = reverse("intranet:home")
IDLE_MESSAGE = (
    "You were signed out after 30 minutes without activity, to keep your "
    "information safe. Sign in again."
)
LIMIT_MESSAGE = (
    "You were signed out 8 hours after signing in, to keep your information "
    "safe. Sign in again."
)


@pytest.fixture(autouse=True)
def default_limits(settings):
    # The defaults, whatever the environment running the tests says.
    settings.SESSION_IDLE_MINUTES = 30
    settings.SESSION_MAX_HOURS = 8


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def signed_in_as(client):
    user_id = client.session.get(SESSION_KEY)
    return User.objects.get(pk=user_id).email if user_id else None


def messages_on(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def test_29_minutes_without_activity_keeps_the_sign_in(client, demo_site, clock):
    sign_in(client, "member@example.org")
    clock.shift(timedelta(minutes=29))
    assert client.get(DASHBOARD).status_code == 200
    clock.shift(timedelta(minutes=29))
    assert client.get(DASHBOARD).status_code == 200
    assert signed_in_as(client) == "member@example.org"


def test_31_minutes_without_activity_signs_out_and_says_why(client, demo_site, clock):
    sign_in(client, "member@example.org")
    old_cookie = client.cookies["sessionid"].value
    clock.shift(timedelta(minutes=31))
    response = client.get(DASHBOARD + "?tab=drafts")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/members/%3Ftab%3Ddrafts"
    page = client.get(response["Location"])
    assert IDLE_MESSAGE in page.content.decode()
    assert signed_in_as(client) is None
    # The old session is gone, not just forgotten by this browser.
    thief = Client()
    thief.cookies["sessionid"] = old_cookie
    assert thief.get(DASHBOARD)["Location"].startswith(LOGIN)
    # Signing in again goes back where they were.
    response = client.post(
        response["Location"],
        {"username": "member@example.org", "password": "coproduction"},
    )
    assert response["Location"] == "/members/?tab=drafts"


def test_activity_every_20_minutes_still_ends_8_hours_after_signing_in(
    client, demo_site, clock
):
    sign_in(client, "member@example.org")
    for _ in range(23):  # up to 7 hours 40 minutes
        clock.shift(timedelta(minutes=20))
        assert client.get(DASHBOARD).status_code == 200
    clock.shift(timedelta(minutes=19))  # 7 hours 59 minutes
    assert client.get(DASHBOARD).status_code == 200
    clock.shift(timedelta(minutes=1))  # 8 hours
    response = client.get(DASHBOARD, follow=True)
    assert response.redirect_chain[0][0] == f"{LOGIN}?next=/members/"
    assert LIMIT_MESSAGE in messages_on(response)
    assert signed_in_as(client) is None


def sign_in_with_password(client):
    client.post(LOGIN, {"username": "member@example.org", "password": "coproduction"})


def sign_in_with_a_link(client):
    client.post(reverse("accounts:sign_in_link"), {"email": "member@example.org"})
    email = OutboxEmail.objects.get(template="emails/sign_in_link")
    client.post(link_from(email, "sign_in_url"))


def sign_in_by_accepting_an_invitation(client):
    invitation_create(
        email="newcomer@example.org",
        first_name="Rhian",
        invited_by=User.objects.get(email="lead@example.org"),
        assembly=Assembly.objects.get(slug="wales"),
    )
    email = OutboxEmail.objects.filter(template="emails/invitation").latest("pk")
    password = "tea and toast daily"
    client.post(
        link_from(email, "accept_url"),
        {
            "first_name": "Rhian",
            "last_name": "Evans",
            "new_password1": password,
            "new_password2": password,
        },
    )


@pytest.mark.parametrize(
    "way_in",
    [sign_in_with_password, sign_in_with_a_link, sign_in_by_accepting_an_invitation],
)
def test_every_way_in_starts_the_clock(client, demo_site, clock, way_in):
    way_in(client)
    assert signed_in_as(client) is not None
    # No page opened since signing in: the clock started at the sign-in.
    clock.shift(timedelta(minutes=31))
    response = client.get(DASHBOARD, follow=True)
    assert IDLE_MESSAGE in messages_on(response)
    assert signed_in_as(client) is None


def test_signing_in_again_starts_a_new_clock(client, demo_site, clock):
    sign_in(client, "member@example.org")
    clock.shift(timedelta(hours=7, minutes=50))
    sign_in_with_password(client)
    clock.shift(timedelta(minutes=20))
    assert client.get(DASHBOARD).status_code == 200


def test_a_form_sent_after_the_limit_returns_to_its_page(client, demo_site, clock):
    sign_in(client, "member2@example.org")
    clock.shift(timedelta(minutes=31))
    # Accepting the Charter takes only a POST: coming back to the page it
    # was on lets them accept again.
    response = client.post(
        reverse("charter:accept", args=[2]),
        {"agree": "on"},
        HTTP_REFERER="http://testserver" + reverse("charter:current"),
    )
    assert response["Location"] == f"{LOGIN}?next={reverse('charter:current')}"
    assert not CharterAcceptance.objects.filter(
        user__email="member2@example.org", version__number=2
    ).exists()


def test_a_form_from_elsewhere_does_not_choose_where_to_return(
    client, demo_site, clock
):
    sign_in(client, "member@example.org")
    clock.shift(timedelta(minutes=31))
    response = client.post(
        DASHBOARD, {}, HTTP_REFERER="https://evil.example.com/phish/"
    )
    assert response["Location"] == f"{LOGIN}?next=/members/"


def test_signing_out_after_the_limit_does_not_come_back_to_sign_out(
    client, demo_site, clock
):
    sign_in(client, "member@example.org")
    clock.shift(timedelta(minutes=31))
    response = client.post(reverse("accounts:logout"), follow=True)
    assert response.redirect_chain[0][0] == LOGIN
    assert IDLE_MESSAGE in messages_on(response)


def test_the_sign_in_page_itself_says_why(client, demo_site, clock):
    sign_in(client, "member@example.org")
    clock.shift(timedelta(minutes=31))
    response = client.get(LOGIN + "?next=/members/plans/", follow=True)
    assert response.redirect_chain == [(LOGIN + "?next=/members/plans/", 302)]
    content = response.content.decode()
    assert IDLE_MESSAGE in content
    assert 'name="password"' in content


def test_the_admin_is_signed_out_too_and_comes_back(client, demo_site, clock):
    sign_in(client, "lead@example.org")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    clock.shift(timedelta(minutes=31))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[demo_site.pk]))
    assert response["Location"] == (f"{LOGIN}?next=/admin/pages/{demo_site.pk}/edit/")


def test_an_open_editor_tab_alone_is_not_activity(client, demo_site, clock):
    sign_in(client, "member@example.org")
    ping = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=["wagtailcore", "page", demo_site.pk, 1],
    )
    for _ in range(3):
        clock.shift(timedelta(minutes=10, seconds=30))
        client.post(ping)
    response = client.get(DASHBOARD, follow=True)
    assert IDLE_MESSAGE in messages_on(response)


def test_the_idle_time_is_a_setting(client, demo_site, clock, settings):
    settings.SESSION_IDLE_MINUTES = 10
    sign_in(client, "member@example.org")
    clock.shift(timedelta(minutes=11))
    response = client.get(DASHBOARD, follow=True)
    assert "You were signed out after 10 minutes without activity" in messages_on(
        response
    )


def test_activity_is_written_at_most_once_a_minute(client, demo_site, clock):
    sign_in(client, "member@example.org")
    clock.shift(timedelta(seconds=90))
    assert "sessionid" in client.get(DASHBOARD).cookies  # saved
    clock.shift(timedelta(seconds=30))
    assert "sessionid" not in client.get(DASHBOARD).cookies  # not saved


def test_visitors_get_no_session(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


# Cookies in production -------------------------------------------------------


def test_production_cookies_are_host_only_and_secure():
    script = (
        "import json; from django.conf import settings as s; print(json.dumps(["
        "s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.READER_PREFERENCES_COOKIE,"
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        "s.SESSION_COOKIE_DOMAIN, s.CSRF_COOKIE_DOMAIN,"
        "s.SESSION_COOKIE_PATH, s.CSRF_COOKIE_PATH,"
        "s.SESSION_IDLE_MINUTES, s.SESSION_COOKIE_AGE]))"
    )
    result = run_manage(
        "shell", "-c", script, env={**PRODUCTION_ENV, "SESSION_IDLE_MINUTES": "20"}
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "__Host-reader_preferences",
        True,
        True,
        None,
        None,
        "/",
        "/",
        20,
        8 * 60 * 60,
    ]


def test_only_the_local_stack_opts_out_of_secure_cookies():
    # `make stack` serves plain HTTP on 127.0.0.1, where a Secure (and so a
    # __Host-) cookie would never come back: it says SECURE_COOKIES=false.
    script = (
        "import json; from django.conf import settings as s; print(json.dumps(["
        "s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.READER_PREFERENCES_COOKIE,"
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE]))"
    )
    result = run_manage(
        "shell", "-c", script, env={**PRODUCTION_ENV, "SECURE_COOKIES": "false"}
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [
        "sessionid",
        "csrftoken",
        "reader_preferences",
        False,
        False,
    ]


def test_host_cookies_are_sent_as_browsers_require(client, demo_site, settings):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    page = client.get(LOGIN, secure=True)
    response = client.post(
        LOGIN,
        {"username": "member@example.org", "password": "coproduction"},
        secure=True,
    )
    assert response.status_code == 302
    for cookie in [
        page.cookies["__Host-csrftoken"],
        response.cookies["__Host-sessionid"],
    ]:
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert not cookie["domain"]
