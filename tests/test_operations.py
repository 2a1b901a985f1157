"""An operator's day: scheduled pages go live, production's error emails
and database connections, and log lines with a time and a request id."""

import json
import logging
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import path
from django.utils import timezone
from django_q.models import Schedule

from cms import urls as site_urls
from core.request_id import RequestIdFilter, current_request_id
from core.tasks import pages_publish_scheduled
from stories.factories import StoryPageFactory
from stories.models import StoryIndexPage
from tests.production import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db


# Schedules -----------------------------------------------------------------------


def test_scheduled_publishing_runs_every_minute():
    call_command("schedules_register", stdout=StringIO())
    schedule = Schedule.objects.get(name="Publish scheduled pages")
    assert schedule.func == "core.tasks.pages_publish_scheduled"
    assert schedule.schedule_type == Schedule.MINUTES
    assert schedule.minutes == 1


def test_a_story_scheduled_to_go_live_does_when_the_task_runs():
    story = StoryPageFactory(
        parent=StoryIndexPage.objects.get(locale__language_code="en-gb"), live=False
    )
    story.title = "Going live on time"
    story.go_live_at = timezone.now() + timedelta(minutes=5)
    revision = story.save_revision()
    revision.publish()  # with a go-live time in the future: only scheduled
    revision.refresh_from_db()
    assert revision.approved_go_live_at == story.go_live_at
    story.refresh_from_db()
    assert not story.live

    pages_publish_scheduled()  # too early: nothing happens
    assert not story.specific.__class__.objects.get(pk=story.pk).live

    with time_machine.travel(story.go_live_at + timedelta(seconds=30)):
        pages_publish_scheduled()  # within a minute of its time
    story = story.specific.__class__.objects.get(pk=story.pk)
    assert story.live
    assert story.title == "Going live on time"
    assert Client().get(story.url).status_code == 200


# Production settings -------------------------------------------------------------


def production_settings(code, **env):
    result = run_manage("shell", "-c", code, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_checks_kept_database_connections_and_emails_admins_a_500():
    code = (
        "import json; from django.conf import settings; print(json.dumps({"
        "'health': settings.DATABASES['default']['CONN_HEALTH_CHECKS'],"
        "'admins': settings.ADMINS, 'server': settings.SERVER_EMAIL}))"
    )
    found = production_settings(
        code, ADMINS="Ops <ops@example.org>, Lead <lead@example.org>"
    )
    assert found["health"] is True
    assert found["admins"] == [
        ["Ops", "ops@example.org"],
        ["Lead", "lead@example.org"],
    ]
    assert found["server"] == PRODUCTION_ENV["DEFAULT_FROM_EMAIL"]
    assert production_settings(code)["admins"] == []


def test_a_500_is_emailed_to_the_admins(settings, mailoutbox, client):
    settings.ADMINS = [("Ops", "ops@example.org")]
    settings.DEBUG = False
    client.raise_request_exception = False

    def broken(request):
        raise RuntimeError("the database fell over")

    urlpatterns = [path("broken/", broken), *site_urls.urlpatterns]
    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": urlpatterns})
    response = client.get("/broken/")
    assert response.status_code == 500
    assert [m.to for m in mailoutbox] == [["ops@example.org"]]
    assert "the database fell over" in mailoutbox[0].body


# Request ids and log lines -------------------------------------------------------


def test_every_response_carries_a_request_id(client):
    first = client.get("/")["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_a_safe_incoming_request_id_is_kept(client):
    response = client.get("/", headers={"X-Request-ID": "lb-7f3a.2_b"})
    assert response["X-Request-ID"] == "lb-7f3a.2_b"


@pytest.mark.parametrize(
    "incoming", ["abc\nforged log line", "x" * 65, "two words", "a;b", ""]
)
def test_an_unsafe_incoming_request_id_is_replaced(client, incoming):
    response = client.get("/", headers={"X-Request-ID": incoming})
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_log_lines_during_a_request_carry_its_id(client, monkeypatch):
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep()
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/no-such-page/", headers={"X-Request-ID": "req-42"})
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 404
    assert records and {r.request_id for r in records} == {"req-42"}
    assert current_request_id.get() == "-"


def test_log_lines_have_a_timestamp_level_logger_and_request_id():
    from django.conf import settings

    config = settings.LOGGING
    formatter = logging.Formatter(
        config["formatters"]["timestamped"]["format"],
        config["formatters"]["timestamped"]["datefmt"],
    )
    record = logging.LogRecord("stories", logging.WARNING, __file__, 1, "hi", (), None)
    RequestIdFilter().filter(record)
    line = formatter.format(record)
    stamp, level, name, request_id, message = line.split(" ")
    assert timezone.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z")
    assert (level, name, request_id, message) == ("WARNING", "stories", "[-]", "hi")
    assert config["handlers"]["console"]["formatter"] == "timestamped"
    assert "request_id" in config["handlers"]["console"]["filters"]


# A 500's email never carries what a person typed into a way in ------------------


def test_an_error_report_hides_the_password_typed_on_an_invitation(
    settings, mailoutbox, client, monkeypatch
):
    settings.ADMINS = [("Ops", "ops@example.org")]
    settings.DEBUG = False
    client.raise_request_exception = False

    def broken(**kwargs):
        raise RuntimeError("the database fell over")

    monkeypatch.setattr("accounts.views.invitation_check", broken)
    secret = "correct horse battery staple"
    response = client.post(
        "/accounts/invitation/some-token/",
        {"new_password1": secret, "new_password2": secret},
    )
    assert response.status_code == 500
    assert "the database fell over" in mailoutbox[0].body
    assert secret not in mailoutbox[0].body


@pytest.mark.parametrize(
    "view",
    ["verify", "recovery", "set_up", "turn_off"],
)
def test_two_step_pages_mark_everything_posted_as_sensitive(rf, view):
    from django.contrib.auth.models import AnonymousUser

    from accounts.two_step import views

    request = rf.post("/", {"code": "123456", "password": "secret"})
    request.user = AnonymousUser()
    getattr(views, view)(request)
    assert request.sensitive_post_parameters == "__ALL__"


# Sentry --------------------------------------------------------------------------

SENTRY_STATE = (
    "import json, sentry_sdk; client = sentry_sdk.get_client();"
    "integrations = sentry_sdk.get_client().integrations;"
    "print(json.dumps({'active': client.is_active(),"
    "'pii': client.options.get('send_default_pii'),"
    "'release': client.options.get('release'),"
    "'environment': client.options.get('environment'),"
    "'django': 'django' in integrations}))"
)


def test_errors_go_to_sentry_when_a_dsn_is_set():
    found = production_settings(
        SENTRY_STATE,
        SENTRY_DSN="https://public@sentry.example.org/42",
        SENTRY_RELEASE="hub@2026.11.27",
        SENTRY_ENVIRONMENT="staging",
    )
    assert found == {
        "active": True,
        "pii": False,
        "release": "hub@2026.11.27",
        "environment": "staging",
        "django": True,
    }


def test_nothing_goes_to_sentry_without_a_dsn():
    assert production_settings(SENTRY_STATE)["active"] is False


# Rotating SECRET_KEY -------------------------------------------------------------

OLD_KEY = "k3!vQ9#xL2zR7mN4tT8wY1uH6jB0cF5dG-sA_eW+oI=rE*pU&yZ%"
SIGNED_WITH_OLD_KEY = (
    "import json; from django.core import signing;"
    f"value = signing.Signer(key={OLD_KEY!r}).sign('still signed in');"
    "print(json.dumps(signing.Signer().unsign(value)))"
)


def test_a_value_signed_with_the_old_key_still_checks_out_during_rotation():
    assert (
        production_settings(SIGNED_WITH_OLD_KEY, SECRET_KEY_FALLBACKS=OLD_KEY)
        == "still signed in"
    )
    result = run_manage("shell", "-c", SIGNED_WITH_OLD_KEY, env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "BadSignature" in result.stderr
