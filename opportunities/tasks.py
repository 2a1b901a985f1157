"""Entry points for django-q2. Running one twice sends nothing twice: each
reminder's dedupe key names what it is about and its date."""

from core.scheduling import intended_day

from .reminders import closing_reminders_send, session_reminders_send


def closing_reminders(intended_for: str | None = None) -> int:
    return closing_reminders_send(today=intended_day(intended_for))


def session_reminders(intended_for: str | None = None) -> int:
    return session_reminders_send(today=intended_day(intended_for))
