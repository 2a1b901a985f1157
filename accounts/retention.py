"""Writes that forget ways in once they are no longer needed: the daily
retention purges of sign-in links and unaccepted invitations (README
"Keeping only what is needed"). Periods are settings (RETENTION_*)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from .models import Invitation, SignInLink


def sign_in_links_purge(*, now: datetime | None = None) -> int:
    """Delete sign-in links that expired (used ones expire minutes later too)
    more than RETENTION_SIGN_IN_LINKS_DAYS ago. Until then an old link still
    says "already used" or "run out" rather than "not recognised", and the
    one-a-minute limit keeps its rows."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.RETENTION_SIGN_IN_LINKS_DAYS)
    deleted, _ = SignInLink.objects.filter(expires_at__lt=cutoff).delete()
    return deleted


def invitations_purge(*, now: datetime | None = None) -> int:
    """Delete invitations nobody accepted (run out, or replaced by a newer
    one) RETENTION_INVITATIONS_DAYS after they expired: until then the old
    link can still ask for a new one. Accepted invitations stay, as the record
    of who invited whom; their token is spent and only its hash is kept."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.RETENTION_INVITATIONS_DAYS)
    deleted, _ = Invitation.objects.filter(
        accepted_at__isnull=True, expires_at__lt=cutoff
    ).delete()
    return deleted
