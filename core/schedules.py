from datetime import time

from django_q.models import Schedule

from core.scheduling import Scheduled

SCHEDULES = [
    Scheduled(
        name="Delete expired sessions",
        func="core.tasks.expired_sessions_delete",
        schedule_type=Schedule.DAILY,
        at=time(3, 0),
    ),
    Scheduled(
        name="Publish scheduled pages",
        func="core.tasks.pages_publish_scheduled",
        schedule_type=Schedule.MINUTES,
        minutes=1,
    ),
]
