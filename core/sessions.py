"""How long a sign-in lasts (README "Sessions").

Every sign-in starts a clock kept in the session: when it began and when the
person last did something. SessionLimitsMiddleware reads it on each request.
Django alone cannot do this: it moves a session's expiry on every save, so a
busy session would never reach its 8 hours. Imports nothing above core.
"""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils.translation import ngettext

SIGNED_IN_AT = "signed_in_at"
ACTIVE_AT = "active_at"
# Writing the session on every request would cost a database write per page:
# the last activity moves on only once it is a minute old.
ACTIVITY_STEP_SECONDS = 60

IDLE = "idle"
TOO_LONG = "too_long"


def now_seconds() -> int:
    return int(time.time())


def session_clock_start(*, session, now: int | None = None) -> None:
    now = now_seconds() if now is None else now
    session[SIGNED_IN_AT] = now
    session[ACTIVE_AT] = now


def session_clock_expiry(*, session, now: int) -> str | None:
    """Why this signed-in session must end now (IDLE or TOO_LONG), or None.
    A session signed in before the clock existed starts it now."""
    if SESSION_KEY not in session:
        return None
    if SIGNED_IN_AT not in session or ACTIVE_AT not in session:
        session_clock_start(session=session, now=now)
        return None
    if now - session[SIGNED_IN_AT] >= settings.SESSION_MAX_HOURS * 60 * 60:
        return TOO_LONG
    if now - session[ACTIVE_AT] > settings.SESSION_IDLE_MINUTES * 60:
        return IDLE
    return None


def session_clock_touch(*, session, now: int) -> None:
    """Someone signed in did something. A visitor's session is left alone:
    writing to it would give every visitor a session and a cookie."""
    if SESSION_KEY not in session:
        return
    if now - session.get(ACTIVE_AT, 0) >= ACTIVITY_STEP_SECONDS:
        session[ACTIVE_AT] = now


def signed_out_message(reason: str) -> str:
    if reason == TOO_LONG:
        count = settings.SESSION_MAX_HOURS
        message = ngettext(
            "You were signed out %(count)s hour after signing in, to keep your "
            "information safe. Sign in again.",
            "You were signed out %(count)s hours after signing in, to keep your "
            "information safe. Sign in again.",
            count,
        )
    else:
        count = settings.SESSION_IDLE_MINUTES
        message = ngettext(
            "You were signed out after %(count)s minute without activity, to keep "
            "your information safe. Sign in again.",
            "You were signed out after %(count)s minutes without activity, to keep "
            "your information safe. Sign in again.",
            count,
        )
    return message % {"count": count}


def on_user_logged_in(sender, request, user, **kwargs):
    """Every way in (password, sign-in link, invitation, force_login in
    tests) calls login(), which sends this signal: the clock starts here."""
    if request is not None and hasattr(request, "session"):
        session_clock_start(session=request.session)
