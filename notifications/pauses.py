"""Who is paused, for the reminders that stop while someone rests.

Pausing belongs to members, a layer above: at start-up it registers how to
find the people paused on a day (members/apps.py). Nothing registered means
nobody is paused."""

from collections.abc import Callable
from datetime import date

from django.db.models import Q

_paused: Callable[[date], Q] | None = None


def paused_register(*, users_paused_on: Callable[[date], Q]) -> None:
    """`users_paused_on(day)` filters users down to those paused on `day`."""
    global _paused
    _paused = users_paused_on


def users_paused_on(*, day: date) -> Q:
    return _paused(day) if _paused else Q(pk__in=[])
