"""Settings: production is strict and passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x7!Qp2#vL9zR4mN8kT1wY6uH3jB5cF0dG-sA_eW+oI=rE*tU&yP%",
    "ALLOWED_HOSTS": "hub.example.org",
    "DATABASE_URL": "postgres://hub:secret@127.0.0.1:5432/hub",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp+tls://hub:secret@smtp.example.org:587",
    "DEFAULT_FROM_EMAIL": "Co-production Hub <hub@example.org>",
    "WAGTAILADMIN_BASE_URL": "https://hub.example.org",
}


def run_manage(*args, env):
    # A clean environment: nothing from the test session (the browser tests
    # set DJANGO_ALLOW_ASYNC_UNSAFE, which --deploy rightly rejects).
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


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
