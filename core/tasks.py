"""Entry points for django-q2 that belong to no feature."""

from importlib import import_module

from django.conf import settings


def expired_sessions_delete() -> None:
    """Delete sessions past their expiry (8 hours at most: SESSION_COOKIE_AGE),
    as `manage.py clearsessions` does. Harmless to run twice. Engines that
    expire sessions by themselves (the cache) have nothing to do."""
    engine = import_module(settings.SESSION_ENGINE)
    try:
        engine.SessionStore.clear_expired()
    except NotImplementedError:
        pass
