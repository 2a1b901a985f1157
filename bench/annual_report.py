"""Time generating the demo year's annual report as a PDF (issue 19: under
10 seconds): the whole request a member of staff makes for
/members/impact/report/2023.pdf, from the records to the tagged PDF, on a
fresh SQLite database with the demo content. Prints the median of a few
runs, the slowest and the PDF's pages.

Usage: make bench   (or .venv/bin/python bench/annual_report.py [runs])
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LIMIT_SECONDS = 10
YEAR = 2023


def main(runs: int = 3) -> None:
    workdir = tempfile.mkdtemp(prefix="hub-bench-report-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from pypdf import PdfReader

    from members.models import User

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())

    client = Client()
    # Staff read the report and sign in without a code, as the lead would with one.
    client.force_login(User.objects.get(email="staff@example.org"))
    url = reverse("impact:report_pdf", args=[YEAR])
    timings, pdf = [], b""
    for _run in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        pdf = response.content
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(
        f"The {YEAR} annual report from the demo: {pages} A4 pages, "
        f"{len(pdf) / 1024:.0f} KB"
    )
    print(
        f"Generating the PDF: median {statistics.median(timings):.2f} s, "
        f"slowest {max(timings):.2f} s over {runs} runs "
        f"(limit {LIMIT_SECONDS} s; load average {os.getloadavg()[0]:.2f})"
    )
    if statistics.median(timings) > LIMIT_SECONDS:
        sys.exit(f"Slower than {LIMIT_SECONDS} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
