"""Entry points for django-q2 that belong to no feature."""

from importlib import import_module

from django.conf import settings
from django.core.management import call_command


def expired_sessions_delete() -> None:
    """Delete sessions past their expiry (8 hours at most: SESSION_COOKIE_AGE),
    as `manage.py clearsessions` does. Harmless to run twice. Engines that
    expire sessions by themselves (the cache) have nothing to do."""
    engine = import_module(settings.SESSION_ENGINE)
    try:
        engine.SessionStore.clear_expired()
    except NotImplementedError:
        pass


def pages_publish_scheduled() -> None:
    """Publish the page revisions whose go-live time has come and unpublish
    the pages whose expiry has passed, as `manage.py publish_scheduled` does.
    Runs every minute, so a story scheduled to go live does within a minute."""
    call_command("publish_scheduled")
