"""/health/ for a load balancer and an uptime monitor.

Each check is a django-health-check 4 check (its own or ours, named in
settings.HEALTH_CHECKS with whether it is critical). The answer is JSON that
says only "ok" or "failing" per check, never why (the reason goes to the log):

    {"status": "ok" | "degraded" | "failing", "checks": {"database": "ok", ...}}

A critical check failing (the database, the storages) answers 503, so the load
balancer takes this host out. A non-critical one (the cache, the task queue)
answers 200 with "degraded": the site serves pages without Redis and without
a worker, and a load balancer that took every web host out for a shared
Redis or a stopped worker would turn a slow site into no site. An uptime
monitor alerts on any status but "ok".

The checks run one after another in the request's own thread (not in
django-health-check's async view, which runs them on other threads with other
database connections): each is one quick round trip, and Redis answers within
its short socket timeout even when it is down.

Imports only Django, django-health-check, django-q2 and core.
"""

import dataclasses
import inspect
import logging
import threading
import time
from datetime import timedelta

from asgiref.sync import async_to_sync
from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.http import JsonResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_q.conf import Conf
from django_q.models import OrmQ
from health_check.base import HealthCheck
from health_check.checks import Storage
from health_check.exceptions import ServiceUnavailable

from .storage import private_storage

logger = logging.getLogger(__name__)


def queue_max_age() -> timedelta:
    return timedelta(minutes=settings.HEALTH_TASK_QUEUE_MAX_AGE_MINUTES)


@dataclasses.dataclass
class PrivateStorage(Storage):
    """The members-only files (core/storage.py): written, read and deleted."""

    alias: str = "private"

    @property
    def storage(self):
        return private_storage()


@dataclasses.dataclass
class TaskQueueAge(HealthCheck):
    """Fails when a task has waited in django-q2's ORM queue longer than
    HEALTH_TASK_QUEUE_MAX_AGE_MINUTES: no worker is taking tasks.

    A waiting task's `lock` is when it became available (when queued, or when
    a dead worker's lease ran out); a task a worker holds has it in the future.
    """

    def run(self):
        now = timezone.now()
        oldest = OrmQ.objects.filter(key=Conf.CLUSTER_NAME, lock__lte=now).aggregate(
            oldest=Min("lock")
        )["oldest"]
        if oldest is not None and now - oldest > queue_max_age():
            raise ServiceUnavailable(
                f"A task has waited {now - oldest} in the queue: is the worker up?"
            )


def check_passes(name: str, check: HealthCheck) -> bool:
    try:
        if inspect.iscoroutinefunction(check.run):
            async_to_sync(check.run)()
        else:
            check.run()
    except Exception:  # noqa: BLE001 - any failure is "failing"; the log says why
        logger.warning("Health check %s failed", name, exc_info=True)
        return False
    return True


# The last answer in this process: (when, (payload, status)).
_answered: list = []
_answer_lock = threading.Lock()


@require_safe
@never_cache
@transaction.non_atomic_requests
def health(request):
    # One request at a time runs the checks; the others meanwhile get its
    # answer (settings.HEALTH_ANSWER_SECONDS).
    with _answer_lock:
        now = time.monotonic()
        if not _answered or now - _answered[0] >= settings.HEALTH_ANSWER_SECONDS:
            _answered[:] = [now, health_checks_run()]
        payload, status = _answered[1]
    return JsonResponse(payload, status=status)


def health_checks_run() -> tuple[dict, int]:
    """Every check in settings.HEALTH_CHECKS: the answer and its status."""
    outcomes = {}
    critical_failed = False
    for name, path, critical in settings.HEALTH_CHECKS:
        outcomes[name] = check_passes(name, import_string(path)())
        critical_failed |= critical and not outcomes[name]
    if critical_failed:
        status = "failing"
    elif all(outcomes.values()):
        status = "ok"
    else:
        status = "degraded"
    checks = {name: "ok" if passed else "failing" for name, passed in outcomes.items()}
    return {"status": status, "checks": checks}, 503 if critical_failed else 200


# No Wagtail site is looked up for it (core.middleware.SiteMiddleware).
health.needs_no_site = True
