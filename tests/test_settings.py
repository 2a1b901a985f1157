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
