"""Scheduled tasks, declared in code by each app's `schedules.py`, and written
to django-q2 by `manage.py schedules_register` (which `make run` calls and a
deployment runs after migrating). Running it again changes nothing twice."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from importlib import import_module

from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from django_q.models import Schedule


@dataclass(frozen=True)
class Scheduled:
    name: str
    func: str
    schedule_type: str
    minutes: int | None = None
    # Local time of day for daily and weekly schedules.
    at: time | None = None
    # 0 = Monday, for weekly schedules.
    weekday: int | None = None
    # Passed the time the run was meant for, so a repeat is recognisable.
    intended_date_kwarg: str | None = None


def intended_moment(intended_for: str | None) -> datetime:
    """When a scheduled run was meant to happen (the `intended_for` a
    schedule passes, an ISO date-time), or now when run by hand. A late run,
    after an outage, counts from the moment it was meant for."""
    moment = datetime.fromisoformat(intended_for) if intended_for else timezone.now()
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def intended_day(intended_for: str | None) -> date:
    """The local day a scheduled run was meant for (see intended_moment)."""
    return timezone.localdate(intended_moment(intended_for))


def first_run(scheduled: Scheduled, now: datetime) -> datetime:
    """The next local time this schedule should fire, from `now`."""
    if scheduled.at is None:
        return now
    local = timezone.localtime(now)
    run = local.replace(
        hour=scheduled.at.hour, minute=scheduled.at.minute, second=0, microsecond=0
    )
    if scheduled.weekday is not None:
        run += timedelta(days=(scheduled.weekday - run.weekday()) % 7)
    if run <= local:
        weekly = scheduled.weekday is not None
        run += timedelta(weeks=1) if weekly else timedelta(days=1)
    return run


def declared_schedules() -> list[Scheduled]:
    """Every app's SCHEDULES, from its `schedules.py`."""
    found: list[Scheduled] = []
    for app in apps.get_app_configs():
        if module_has_submodule(app.module, "schedules"):
            found += import_module(f"{app.name}.schedules").SCHEDULES
    return found


def schedules_register(
    *, schedules: list[Scheduled], now: datetime | None = None, report: Callable = print
) -> None:
    """Create or update each schedule by name; a schedule's next run is left
    alone once set, so re-running never makes a task fire early or twice."""
    now = now or timezone.now()
    for scheduled in schedules:
        fields = {
            "func": scheduled.func,
            "schedule_type": scheduled.schedule_type,
            "minutes": scheduled.minutes,
            "intended_date_kwarg": scheduled.intended_date_kwarg,
            "repeats": -1,
        }
        existing = Schedule.objects.filter(name=scheduled.name).first()
        if existing is None:
            Schedule.objects.create(
                name=scheduled.name, next_run=first_run(scheduled, now), **fields
            )
            report(f"Added schedule: {scheduled.name}")
            continue
        changed = {k: v for k, v in fields.items() if getattr(existing, k) != v}
        if changed:
            Schedule.objects.filter(pk=existing.pk).update(**changed)
            report(f"Updated schedule: {scheduled.name}")
        else:
            report(f"Schedule up to date: {scheduled.name}")
