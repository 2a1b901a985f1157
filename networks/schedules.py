from datetime import time

from django_q.models import Schedule

from core.scheduling import Scheduled

SCHEDULES = [
    Scheduled(
        name="Remind the lead to check networks once a year",
        func="networks.tasks.network_checks",
        schedule_type=Schedule.DAILY,
        at=time(9, 30),
        intended_date_kwarg="intended_for",
    ),
]
