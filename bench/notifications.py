"""Time and SQL queries to notify 10 people 1,000 times (10,000 notifications,
each an email straight away) and to drain the outbox to a real SMTP server
on 127.0.0.1.

Runs on a fresh temporary SQLite database unless DATABASE_URL is set.
Usage: make bench   (or .venv/bin/python bench/notifications.py [N])
"""

import logging
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PEOPLE = 10


class QueryCounter:
    """Counts SQL statements without keeping them (DEBUG's log stops at 9,000)."""

    def __init__(self, connection):
        self.connection = connection
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self._wrapper = self.connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)


def main(rounds: int = 1000) -> None:
    workdir = tempfile.mkdtemp(prefix="hub-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from members.factories import UserFactory
    from notifications.models import OutboxEmail
    from notifications.outbox import outbox_send_due
    from notifications.services import notify
    from tests.smtp import SMTPServer

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd chatter
    call_command("migrate", verbosity=0)
    # Hashing the bench's passwords properly would take longer than the bench.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    people = UserFactory.create_batch(PEOPLE)
    server = SMTPServer()
    server.start()
    for name, value in server.settings().items():
        setattr(settings, name, value)

    print(f"{connection.vendor}, {PEOPLE} people, {rounds} notify() calls each")
    with QueryCounter(connection) as captured:
        start = time.perf_counter()
        for number in range(rounds):
            notify(
                recipients=people,
                kind="opportunity",
                subject=f"New paid opportunity {number}",
                body="Two online sessions. The fee is known in advance.",
                url="/stories/",
                dedupe_key=f"bench:{number}",
            )
        seconds = time.perf_counter() - start
    count = rounds * PEOPLE
    print(
        f"create {count:,} notifications: {seconds:.2f} s "
        f"({seconds / rounds * 1000:.2f} ms per call for {PEOPLE} people), "
        f"{captured.count} queries ({captured.count / rounds:.1f} per call)"
    )

    with QueryCounter(connection) as captured:
        start = time.perf_counter()
        sent = 0
        while OutboxEmail.objects.exclude(state=OutboxEmail.State.SENT).exists():
            sent += outbox_send_due()
        seconds = time.perf_counter() - start
    server.stop()
    assert sent == count == len(server.mailbox.received), (sent, count)
    print(
        f"drain {sent:,} emails to SMTP: {seconds:.2f} s "
        f"({sent / seconds:.0f} emails/s), {captured.count} queries "
        f"({captured.count / sent:.1f} per email)"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
