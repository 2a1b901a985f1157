"""Development settings: `make run` uses these."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env.str(
    "SECRET_KEY", default="django-insecure-dev-only-not-for-production-use-0123456789"
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
DEMO_CONTENT_ALLOWED = True
# Serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Off unless asked for: the task worker (scheduled publishing) has its own
# local-memory cache, so its purges would not reach the web server's pages.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
