"""Test settings: fast hashing, mail and cache in memory, tasks run inline."""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, Q_CLUSTER, env

SECRET_KEY = "django-insecure-test-only"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DEMO_CONTENT_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests expect a fresh render; tests/test_page_cache.py turns the page cache on.
PAGE_CACHE_SECONDS = 0
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default="/tmp/coproduction-hub-test-media")
PRIVATE_MEDIA_ROOT = env.path(
    "TEST_PRIVATE_MEDIA_ROOT", default="/tmp/coproduction-hub-test-private-media"
)
# Serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The live server used by browser tests shares one in-memory SQLite
# connection between its threads, so the editor's background requests
# (autosave, editing-session pings) must not overlap the test's own clicks.
# Production keeps Wagtail's defaults: autosave on.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# ... and requests to it are answered one at a time (tests/browser/one_at_a_time.py).
MIDDLEWARE = ["tests.browser.one_at_a_time.one_request_at_a_time", *MIDDLEWARE]
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 600_000
# Each test's /health/ runs its checks afresh (tests/test_health.py tests the
# kept answer with the setting on).
HEALTH_ANSWER_SECONDS = 0
