from datetime import time

from django_q.models import Schedule

from core.scheduling import Scheduled

SCHEDULES = [
    Scheduled(
        name="Send waiting emails",
        func="notifications.tasks.outbox_send",
        schedule_type=Schedule.MINUTES,
        minutes=1,
    ),
    Scheduled(
        name="Daily email digests",
        func="notifications.tasks.digests_daily",
        schedule_type=Schedule.DAILY,
        at=time(7, 30),
        intended_date_kwarg="intended_for",
    ),
    Scheduled(
        name="Weekly email digests",
        func="notifications.tasks.digests_weekly",
        schedule_type=Schedule.WEEKLY,
        at=time(7, 30),
        weekday=0,
        intended_date_kwarg="intended_for",
    ),
    Scheduled(
        name="Forget old email words and read notifications",
        func="notifications.tasks.retention_purge",
        schedule_type=Schedule.DAILY,
        at=time(3, 10),
    ),
]
