"""Entry points for django-q2. Running one twice sends nothing twice: each
reminder's dedupe key names the plan and its review date."""

from datetime import datetime

from django.utils import timezone

from .services import plan_review_reminders_send


def review_reminders_send(intended_for: str | None = None) -> int:
    # A late run (after an outage) counts from the day it was meant for.
    moment = datetime.fromisoformat(intended_for) if intended_for else timezone.now()
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return plan_review_reminders_send(today=timezone.localdate(moment))
