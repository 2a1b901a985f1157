from .models import Notification


def notifications_for(*, user):
    # The link's target is fetched with them, to drop links to deleted things.
    return Notification.objects.filter(recipient=user).prefetch_related("target")


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
