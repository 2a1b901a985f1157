"""/health/ for the load balancer: every check ok or failing, nothing more; a
critical failure (database, storages) is a 503, a cache or task queue failure
is "degraded" with 200; never cached, never redirected to HTTPS."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import OrmQ
from health_check.exceptions import ServiceUnavailable

from core import health as health_module
from notifications.factories import OutboxEmailFactory
from notifications.models import OutboxEmail
from tests.production import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db

CHECKS = ["database", "storage", "private_storage", "cache", "task_queue", "outbox"]


def health(client):
    response = client.get("/health/")
    return response.status_code, json.loads(response.content)


def all_ok_but(*failing):
    return {name: "failing" if name in failing else "ok" for name in CHECKS}


def test_every_check_passes_on_a_healthy_site(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "checks": all_ok_but()}


def test_health_is_never_cached_and_answers_only_get_and_head(client):
    response = client.get("/health/")
    assert "no-store" in response["Cache-Control"]
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405


def test_polling_often_is_not_rate_limited(client):
    assert {client.get("/health/").status_code for _ in range(30)} == {200}


def test_a_flood_of_requests_runs_the_checks_once_in_a_while(
    client, settings, monkeypatch
):
    # The checks write to the storages and the cache: anyone may ask.
    settings.HEALTH_ANSWER_SECONDS = 60
    runs = []
    run_them = health_module.health_checks_run
    monkeypatch.setattr(health_module, "_answered", [])
    monkeypatch.setattr(
        health_module, "health_checks_run", lambda: runs.append(1) or run_them()
    )
    answers = {health(client)[0] for _ in range(50)}
    assert answers == {200}
    assert len(runs) == 1

    settings.HEALTH_ANSWER_SECONDS = 0
    health(client)
    assert len(runs) == 2


def test_a_database_failure_takes_the_host_out_and_says_no_more(client, monkeypatch):
    def broken(self):
        raise ServiceUnavailable("connection to server at 10.0.0.7 refused")

    monkeypatch.setattr("health_check.checks.Database.run", broken)
    response = client.get("/health/")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "failing",
        "checks": all_ok_but("database"),
    }
    assert b"10.0.0.7" not in response.content


@pytest.mark.parametrize(
    "setting, check",
    [("MEDIA_ROOT", "storage"), ("PRIVATE_MEDIA_ROOT", "private_storage")],
)
def test_a_storage_that_cannot_be_written_takes_the_host_out(
    client, settings, tmp_path, setting, check
):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    setattr(settings, setting, not_a_folder)
    assert health(client) == (503, {"status": "failing", "checks": all_ok_but(check)})


def test_a_redis_outage_is_degraded_but_keeps_the_host_in(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    assert health(client) == (
        200,
        {"status": "degraded", "checks": all_ok_but("cache")},
    )


def queued(minutes_ago):
    return OrmQ.objects.create(
        key=Conf.CLUSTER_NAME,
        payload="signed task",
        lock=timezone.now() - timedelta(minutes=minutes_ago),
    )


def test_a_task_waiting_too_long_means_the_worker_is_down(client, settings):
    settings.HEALTH_TASK_QUEUE_MAX_AGE_MINUTES = 10
    queued(minutes_ago=2)  # a worker takes tasks within seconds; this is fine
    queued(minutes_ago=-1)  # held by a worker (leased until a minute from now)
    assert health(client) == (200, {"status": "ok", "checks": all_ok_but()})

    queued(minutes_ago=11)
    assert health(client) == (
        200,
        {"status": "degraded", "checks": all_ok_but("task_queue")},
    )

    settings.HEALTH_TASK_QUEUE_MAX_AGE_MINUTES = 15
    assert health(client)[1]["status"] == "ok"


def test_an_email_overdue_too_long_means_the_worker_is_down(client, settings):
    settings.HEALTH_TASK_QUEUE_MAX_AGE_MINUTES = 10
    now = timezone.now()
    OutboxEmailFactory(next_attempt_at=now - timedelta(minutes=3))
    OutboxEmailFactory(
        state=OutboxEmail.State.SENT, next_attempt_at=now - timedelta(days=3)
    )
    assert health(client) == (200, {"status": "ok", "checks": all_ok_but()})

    overdue = OutboxEmailFactory(next_attempt_at=now - timedelta(minutes=11))
    assert health(client) == (
        200,
        {"status": "degraded", "checks": all_ok_but("outbox")},
    )

    # A worker that died holding it: due again once its lease has run out.
    overdue.state = OutboxEmail.State.SENDING
    overdue.claimed_at = now - timedelta(minutes=5)
    overdue.save()
    assert health(client)[1]["status"] == "ok"
    overdue.claimed_at = now - timedelta(minutes=25)
    overdue.save()
    assert health(client)[1]["checks"]["outbox"] == "failing"


HEALTH_UNDER_PRODUCTION = """
import json
from django.test import Client
lb = Client(HTTP_HOST="10.0.0.5")  # plain HTTP, the address the balancer uses
health = lb.get("/health/")
home = lb.get("/")
print(json.dumps([health.status_code, health.content.decode(),
                  home.status_code, home.get("Location")]))
"""


def test_the_load_balancer_polls_over_plain_http_with_its_own_host_name():
    # No PostgreSQL answers at PRODUCTION_ENV's DATABASE_URL: the database
    # check fails, and /health/ says so instead of redirecting or erroring.
    env = {**PRODUCTION_ENV, "ALLOWED_HOSTS": "hub.example.org,10.0.0.5"}
    env["DATABASE_URL"] = "postgres://hub:secret@127.0.0.1:9/hub"
    result = run_manage("shell", "-c", HEALTH_UNDER_PRODUCTION, env=env)
    assert result.returncode == 0, result.stderr
    health_status, body, home_status, home_location = json.loads(
        result.stdout.strip().splitlines()[-1]
    )
    assert (health_status, json.loads(body)["status"]) == (503, "failing")
    assert json.loads(body)["checks"]["database"] == "failing"
    assert (home_status, home_location) == (301, "https://10.0.0.5/")


def test_a_host_name_not_in_allowed_hosts_is_refused_even_for_health():
    result = run_manage(
        "shell",
        "-c",
        HEALTH_UNDER_PRODUCTION.replace("10.0.0.5", "10.9.9.9"),
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])[0] == 400
