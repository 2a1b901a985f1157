"""Reads for the ways in: invitations waiting and sent."""

from django.utils import timezone

from .models import Invitation


def invitation_waiting(*, email: str) -> bool:
    """An unused, unexpired invitation to this address, from anyone."""
    return Invitation.objects.filter(
        email__iexact=email,
        accepted_at__isnull=True,
        withdrawn_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).exists()


def invitations_recent(*, limit: int) -> list[Invitation]:
    """The latest invitations, newest first, for the lead's invite screen."""
    return list(Invitation.objects.select_related("assembly", "accepted_by")[:limit])
