from datetime import time

from django_q.models import Schedule

from core.scheduling import Scheduled

SCHEDULES = [
    Scheduled(
        name="Development plan review reminders",
        func="plans.tasks.review_reminders_send",
        schedule_type=Schedule.DAILY,
        at=time(8, 0),
        intended_date_kwarg="intended_for",
    ),
]
