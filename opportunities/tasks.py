"""Entry points for django-q2. Running one twice sends nothing twice: each
reminder's dedupe key names what it is about and its date."""

from datetime import date, datetime

from django.utils import timezone

from .reminders import closing_reminders_send, session_reminders_send


def _day(intended_for: str | None) -> date:
    # A late run (after an outage) counts from the day it was meant for.
    moment = datetime.fromisoformat(intended_for) if intended_for else timezone.now()
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return timezone.localdate(moment)


def closing_reminders(intended_for: str | None = None) -> int:
    return closing_reminders_send(today=_day(intended_for))


def session_reminders(intended_for: str | None = None) -> int:
    return session_reminders_send(today=_day(intended_for))
