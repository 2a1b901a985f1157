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
    Scheduled(
        # Claims close to, or past, the payment promise: the lead hears, and
        # the member once it is late (payments.services.claims_promise_check).
        name="Claims close to or past the payment promise",
        func="payments.tasks.promise_check",
        schedule_type=Schedule.DAILY,
        at=time(8, 30),
        intended_date_kwarg="intended_for",
    ),
]
