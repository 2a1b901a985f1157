"""Median server time and SQL queries for every public page type, anonymous.

Runs against a fresh temporary SQLite database loaded with the demo content,
through Django's test client (no network): one warm-up, then N requests per
page. "cpu ms" is this process's CPU time per request, the figure that holds
on a busy machine where the wall-clock times vary with the load.
Usage: make bench   (or .venv/bin/python bench/public_pages.py [N])
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PAGES = [
    ("home", "/"),
    ("story index", "/stories/"),
    ("story index, filtered", "/stories/?kind=blog&nation=england"),
    ("blog", "/stories/seven-of-us-sat-on-interview-panels/"),
    ("video story", "/stories/carers-week-2023-a-video-interview/"),
    ("podcast", "/stories/why-paid-planned-opportunities-matter/"),
    ("library index", "/library/"),
    ("library, filtered", "/library/?type=link&topic=unpaid-carers"),
    ("document", "/library/our-charter/"),
    ("training course", "/library/co-production-in-five-steps/"),
    ("training step", "/library/co-production-in-five-steps/share-power/"),
    ("who we are", "/who-we-are/"),
    ("member", "/who-we-are/dafydd-pryce/"),
    ("what we did", "/what-we-did/"),
    ("a public meeting", "/what-we-did/meeting-2-understanding-evidence-2023/"),
    ("networks", "/networks/"),
    ("networks, filtered", "/networks/?nation=wales&topic=carers"),
    ("general page", "/accessibility/"),
    ("what we are working on", "/what-we-are-working-on/"),
    ("a public project", "/what-we-are-working-on/recruitment-panels/"),
    ("search", "/search/?q=carers"),
    ("tag", "/tags/carers/"),
    ("Easy Read", "/easy-read-about-us/"),
    ("RSS feed", "/feeds/stories.rss"),
    ("sitemap", "/sitemap.xml"),
]


def main(requests: int = 50) -> None:
    workdir = tempfile.mkdtemp(prefix="hub-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"

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
    print(f"Public pages, anonymous, {requests} requests each (SQLite, demo data)")
    print(f"{'page type':<24}{'median ms':>10}{'p90 ms':>9}{'cpu ms':>8}{'queries':>9}")
    for name, url in PAGES:
        assert client.get(url).status_code == 200, url  # warm-up
        times, cpu_times, queries = [], [], []
        for _ in range(requests):
            with CaptureQueriesContext(connection) as captured:
                start, cpu_start = time.perf_counter(), time.process_time()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                cpu_times.append((time.process_time() - cpu_start) * 1000)
            assert response.status_code == 200, url
            queries.append(len(captured.captured_queries))
        p90 = statistics.quantiles(times, n=10)[-1]
        print(
            f"{name:<24}{statistics.median(times):>10.1f}{p90:>9.1f}"
            f"{statistics.median(cpu_times):>8.1f}{max(queries):>9}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
