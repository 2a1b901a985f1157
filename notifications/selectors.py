# Notifications knows people only as users (members sits above it).
from django.contrib.auth.models import AbstractUser
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import Notification, NotificationPreference
from .services import CHOOSABLE_KINDS, DEFAULT_DELIVERY


def notifications_for(*, user: AbstractUser) -> QuerySet[Notification]:
    # The link's target is fetched with them, to drop links to deleted things.
    return Notification.objects.filter(recipient=user).prefetch_related("target")


UNREAD = "unread_notification_count"


def with_unread_count(*, users: QuerySet) -> QuerySet:
    """Users with their unread count read in the same query: the user each
    request loads comes this way, for the header's badge."""
    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return users.annotate(**{UNREAD: Coalesce(Subquery(unread), 0)})


def unread_count(*, user: AbstractUser) -> int:
    if hasattr(user, UNREAD):  # read with the user at the start of the request
        return getattr(user, UNREAD)
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def preferences_get(*, user: AbstractUser) -> dict[str, str]:
    """Every choosable kind with this person's rhythm (the default if unset)."""
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("kind", "delivery")
    )
    return {
        kind.value: chosen.get(kind.value, DEFAULT_DELIVERY) for kind in CHOOSABLE_KINDS
    }
