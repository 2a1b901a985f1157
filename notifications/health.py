"""The outbox's check for /health/ (core/health.py, settings.HEALTH_CHECKS)."""

import dataclasses

from django.db.models import Q
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable

from core.health import queue_max_age

from .models import OutboxEmail
from .outbox import claim_lease


@dataclasses.dataclass
class OutboxBacklog(HealthCheck):
    """Fails when an email has been due for longer than
    HEALTH_TASK_QUEUE_MAX_AGE_MINUTES: the task that sends them every minute
    is not running. (A mail server outage does not trip it: each run puts the
    email back with a later due time.)"""

    def run(self):
        since = timezone.now() - queue_max_age()
        overdue = OutboxEmail.objects.filter(
            Q(state=OutboxEmail.State.PENDING, next_attempt_at__lte=since)
            | Q(state=OutboxEmail.State.SENDING, claimed_at__lt=since - claim_lease())
        )
        if overdue.exists():
            raise ServiceUnavailable("An email is overdue: is the worker up?")
