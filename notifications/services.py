"""Writes for notifications. Every app tells people things through notify()."""

from collections.abc import Iterable

from django.utils import timezone

from .models import Notification


def notify(
    *,
    recipients: Iterable,
    kind: str,
    subject: str,
    body: str = "",
    url: str = "",
    dedupe_key: str,
) -> list[Notification]:
    """Record one notification per recipient; a repeated dedupe_key adds none.

    Two queries however many recipients: one to find who already has this
    key, one bulk insert (which also ignores a concurrent duplicate).
    """
    if kind not in Notification.Kind.values:
        raise ValueError(f"Unknown notification kind: {kind!r}")
    recipient_ids = {getattr(r, "pk", r) for r in recipients}
    already = set(
        Notification.objects.filter(
            recipient_id__in=recipient_ids, dedupe_key=dedupe_key
        ).values_list("recipient_id", flat=True)
    )
    now = timezone.now()
    new = [
        Notification(
            recipient_id=recipient_id,
            kind=kind,
            subject=subject,
            body=body,
            url=url,
            dedupe_key=dedupe_key,
            created_at=now,
        )
        for recipient_id in sorted(recipient_ids - already)
    ]
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    return new


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
