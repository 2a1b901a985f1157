# Notifications knows people only as users (members sits above it).
from django.contrib.auth.models import AbstractUser
from django.db.models import QuerySet

from .models import Notification, NotificationPreference
from .services import CHOOSABLE_KINDS, DEFAULT_DELIVERY


def notifications_for(*, user: AbstractUser) -> QuerySet[Notification]:
    # The link's target is fetched with them, to drop links to deleted things.
    return Notification.objects.filter(recipient=user).prefetch_related("target")


def unread_count(*, user: AbstractUser) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def preferences_get(*, user: AbstractUser) -> dict[str, str]:
    """Every choosable kind with this person's rhythm (the default if unset)."""
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("kind", "delivery")
    )
    return {
        kind.value: chosen.get(kind.value, DEFAULT_DELIVERY) for kind in CHOOSABLE_KINDS
    }
