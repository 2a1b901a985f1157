"""Daily and weekly digests: one email per person per period.

A period is named by the schedule's intended time (or now), so a task that
is delivered twice, or runs twice in a period, finds the digest it already
made. What goes in is every notification still waiting, up to the moment the
digest is made: after an outage the first digest takes everything, and a
catch-up run for an earlier period finds nothing left and sends nothing.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import ngettext

from core.scheduling import intended_moment

from .models import Delivery, Notification, OutboxEmail


def period_name(rhythm: str, when: datetime) -> str:
    local = timezone.localtime(when)
    if rhythm == Delivery.WEEKLY:
        year, week, _ = local.isocalendar()
        return f"{year}-W{week:02d}"
    return local.date().isoformat()


def digest_subject(rhythm: str, count: int) -> str:
    """In the language active (digests_send: the recipient's)."""
    if rhythm == Delivery.WEEKLY:
        subject = ngettext(
            "Your week's updates from Co-production Hub: %(count)s update",
            "Your week's updates from Co-production Hub: %(count)s updates",
            count,
        )
    else:
        subject = ngettext(
            "Your day's updates from Co-production Hub: %(count)s update",
            "Your day's updates from Co-production Hub: %(count)s updates",
            count,
        )
    return subject % {"count": count}


def digests_send(*, rhythm: str, intended_for: str | None = None) -> int:
    """Queue this period's digest for everyone with something waiting.
    Returns how many digests were queued."""
    if rhythm not in (Delivery.DAILY, Delivery.WEEKLY):
        raise ValueError(f"Not a digest rhythm: {rhythm!r}")
    now = timezone.now()
    period = period_name(rhythm, intended_moment(intended_for))
    waiting = Notification.objects.filter(
        delivery=rhythm,
        email__isnull=True,
        created_at__lte=now,
        recipient__is_active=True,
    )
    people = (
        waiting.order_by()
        .values_list("recipient_id", "recipient__email", "recipient__language")
        .distinct()
    )
    queued = 0
    for recipient_id, address, language in list(people):
        with transaction.atomic():
            email, created = OutboxEmail.objects.get_or_create(
                dedupe_key=f"digest:{rhythm}:{period}:{recipient_id}",
                defaults={
                    "recipient_id": recipient_id,
                    "to_address": address,
                    "language": language,
                    "subject": "",
                    "template": "emails/digest",
                    "context": {"rhythm": rhythm, "period": period},
                },
            )
            if not created:
                continue
            # A notification joins one digest only, even if two runs race.
            count = waiting.filter(recipient_id=recipient_id).update(email=email)
            if not count:  # another run took them first: send nothing
                transaction.set_rollback(True)
                continue
            with translation.override(language):
                email.subject = digest_subject(rhythm, count)
            email.save(update_fields=["subject"])
            queued += 1
    return queued
