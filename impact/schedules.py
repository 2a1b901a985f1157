from datetime import time

from django_q.models import Schedule

from core.scheduling import Scheduled

SCHEDULES = [
    Scheduled(
        name="Ask requesters what changed because of the group",
        func="impact.tasks.change_asks",
        schedule_type=Schedule.DAILY,
        at=time(9, 0),
        intended_date_kwarg="intended_for",
    ),
    Scheduled(
        name="Ask members who took part: were we heard?",
        func="impact.tasks.heard_asks",
        schedule_type=Schedule.DAILY,
        at=time(10, 0),
        intended_date_kwarg="intended_for",
    ),
]
