"""Median server time and SQL query count for the home page, anonymous.

Runs against a fresh temporary SQLite database loaded with the demo content,
through Django's test client (no network), 50 requests after one warm-up.
Usage: make bench   (or .venv/bin/python bench/home_page.py [requests])
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(requests: int = 50) -> None:
    workdir = tempfile.mkdtemp(prefix="hub-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())

    client = Client()
    assert client.get("/").status_code == 200  # warm-up
    times, queries = [], []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get("/")
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
        queries.append(len(captured.captured_queries))

    print(f"Home page, anonymous, {requests} requests (SQLite, demo content)")
    print(f"  median server time: {statistics.median(times):.1f} ms")
    print(f"  90th percentile:    {statistics.quantiles(times, n=10)[-1]:.1f} ms")
    print(
        f"  SQL queries:        median {statistics.median(queries):.0f}, "
        f"max {max(queries)}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
