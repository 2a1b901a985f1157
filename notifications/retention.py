"""Keep only what is needed: the words of sent emails go after
RETENTION_SENT_EMAIL_BODIES_DAYS, notifications read more than
RETENTION_READ_NOTIFICATIONS_DAYS ago go too. The email rows stay (who was
sent what subject, when: enough to answer "did you send it?"). Safe to run
twice: a second run finds nothing left to do."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import CallBack, Notification, OutboxEmail


def sent_email_bodies_purge(*, now=None) -> int:
    now = now or timezone.now()
    before = now - timedelta(days=settings.RETENTION_SENT_EMAIL_BODIES_DAYS)
    return (
        OutboxEmail.objects.filter(
            state__in=[OutboxEmail.State.SENT, OutboxEmail.State.NOT_NEEDED],
            created_at__lt=before,
        )
        .filter(~Q(body_text="") | ~Q(body_html="") | ~Q(context={}))
        .update(body_text="", body_html="", context={})
    )


def read_notifications_purge(*, now=None) -> int:
    """A call-back still to make keeps its notification, however old."""
    now = now or timezone.now()
    before = now - timedelta(days=settings.RETENTION_READ_NOTIFICATIONS_DAYS)
    waiting_calls = CallBack.objects.filter(done_at__isnull=True).values(
        "notification_id"
    )
    deleted, _ = (
        Notification.objects.filter(read_at__lt=before)
        .exclude(pk__in=waiting_calls)
        .delete()
    )
    return deleted
