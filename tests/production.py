"""Running manage.py the way production does: its environment, in a clean
process. Shared by the tests of production's settings."""

import os
import subprocess
import sys
from pathlib import Path

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
