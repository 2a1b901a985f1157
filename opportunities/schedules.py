from datetime import time

from django_q.models import Schedule

from core.scheduling import Scheduled

SCHEDULES = [
    Scheduled(
        name="Opportunity closing-date reminders",
        func="opportunities.tasks.closing_reminders",
        schedule_type=Schedule.DAILY,
        at=time(8, 0),
        intended_date_kwarg="intended_for",
    ),
    Scheduled(
        name="Opportunity session reminders",
        func="opportunities.tasks.session_reminders",
        schedule_type=Schedule.DAILY,
        at=time(8, 0),
        intended_date_kwarg="intended_for",
    ),
]
