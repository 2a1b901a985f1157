"""Entry points for django-q2. Running one twice sends nothing twice: each
reminder's dedupe key names the plan and its review date."""

from core.scheduling import intended_day

from .services import plan_review_reminders_send


def review_reminders_send(intended_for: str | None = None) -> int:
    return plan_review_reminders_send(today=intended_day(intended_for))
