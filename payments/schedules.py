from datetime import time

from django_q.models import Schedule

from core.scheduling import Scheduled

SCHEDULES = [
    Scheduled(
        # RETENTION_HELD_RECEIPTS_DAYS: receipts kept from claim forms nobody
        # finished, with their files.
        name="Delete held receipts nobody claimed",
        func="payments.tasks.held_receipts_delete",
        schedule_type=Schedule.DAILY,
        at=time(3, 0),
    ),
]
