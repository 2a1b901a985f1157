from datetime import time

from django_q.models import Schedule

from core.scheduling import Scheduled

# Retention purges run in the quiet of the night; periods are settings
# (RETENTION_* in cms/settings/base.py).
SCHEDULES = [
    Scheduled(
        name="Delete old sign-in links",
        func="accounts.tasks.sign_in_links_delete",
        schedule_type=Schedule.DAILY,
        at=time(3, 0),
    ),
    Scheduled(
        name="Delete invitations nobody accepted",
        func="accounts.tasks.invitations_delete",
        schedule_type=Schedule.DAILY,
        at=time(3, 0),
    ),
]
