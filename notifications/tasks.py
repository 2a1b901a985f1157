"""Entry points for django-q2. Each is safe to run twice: see outbox.py and
digests.py for why."""

from .digests import digests_send
from .models import Delivery
from .outbox import outbox_send_due
from .retention import read_notifications_purge, sent_email_bodies_purge


def outbox_send() -> int:
    return outbox_send_due()


def digests_daily(intended_for: str | None = None) -> int:
    return digests_send(rhythm=Delivery.DAILY, intended_for=intended_for)


def digests_weekly(intended_for: str | None = None) -> int:
    return digests_send(rhythm=Delivery.WEEKLY, intended_for=intended_for)


def retention_purge() -> dict:
    return {
        "email bodies": sent_email_bodies_purge(),
        "read notifications": read_notifications_purge(),
    }
