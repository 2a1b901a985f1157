"""Settings: production is strict and passes Django's deployment checks."""

from django.conf import settings

from tests.production import PRODUCTION_ENV, run_manage


def test_production_settings_pass_the_deployment_checks():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_missing_production_variable_is_named():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_demo_content_is_refused_under_production_settings():
    result = run_manage("load_demo_content", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "Refusing to load demo content" in result.stderr


def test_task_timeout_is_below_retry_and_attempts_are_capped():
    q = settings.Q_CLUSTER
    assert q["timeout"] < q["retry"]
    assert 0 < q["max_attempts"] <= 10
    assert q["catch_up"] is False


def test_production_queues_tasks_on_a_broker_that_hands_a_lost_task_out_again():
    # The outbox relies on a task coming back when a worker dies holding it:
    # the ORM broker (PostgreSQL in production) does; django-q2's Redis broker
    # does not (no acknowledgements), so production must not use it.
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; from django_q.conf import Conf;"
        "print(Conf.ORM, 'redis' in settings.Q_CLUSTER, Conf.RETRY, Conf.ACK_FAILURES)",
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    orm, redis, retry, ack_failures = result.stdout.splitlines()[-1].split()
    assert (orm, redis) == ("default", "False")
    assert int(retry) > settings.Q_CLUSTER["timeout"]
    assert ack_failures == "True"
