"""Writes for people: memberships and leaving. Nothing here is deleted."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from .models import Membership, Profile, Support, User

# Membership -----------------------------------------------------------------


@transaction.atomic
def membership_move(*, user: User, assembly, started_on: date) -> Membership:
    """Move a person to another Assembly: the current spell ends the day
    before, and the history keeps both."""
    current = user.memberships.filter(ended_on__isnull=True).first()
    if current and current.assembly_id == assembly.pk:
        return current
    if current:
        current.ended_on = max(current.started_on, started_on - timedelta(days=1))
        current.save(update_fields=["ended_on"])
    Profile.objects.filter(user=user).update(assembly=assembly)
    return Membership.objects.create(
        user=user, assembly=assembly, started_on=started_on
    )


@transaction.atomic
def person_deactivate(*, user: User, ended_on: date) -> None:
    """Someone leaves: they can no longer sign in, their membership and
    profile get an end date, and everything they did stays."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    user.memberships.filter(ended_on__isnull=True).update(ended_on=ended_on)
    Profile.objects.filter(user=user).update(left_on=ended_on)
    Support.objects.filter(supporter=user, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )
