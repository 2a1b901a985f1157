"""Time core.pdf.pdf_render on a report of a dozen A4 pages: headings,
paragraphs, a long table, pictures with alternative text and eight charts
(core/charts.py), the shape of the annual report. The issue asks for the
demo year's report in under 10 seconds.

Needs no database. Usage: make bench   (or .venv/bin/python bench/pdf_render.py [runs])
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LIMIT_SECONDS = 10
MEASURES = [
    "Meetings",
    "Development sessions",
    "Questions put to the group",
    "Outcomes",
    "Reflection flows raised",
    "Reflection flows acted on",
    "Changes recorded",
    "Paid engagements",
]
PARAGRAPH = (
    "<p>The group met to plan the year's work with staff from three teams. "
    "Members asked for papers a week before each meeting, in large print and "
    "Easy Read, and for breaks every hour. Staff changed the way they ask for "
    "the group's help because of what members said.</p>"
)


def report_html(*, picture: str) -> str:
    from decimal import Decimal

    from django.template.loader import render_to_string

    from core.charts import ChartRow, chart_bars

    parts = ['<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">']
    parts.append("<title>Annual report 2023</title></head><body><main>")
    parts.append("<h1>Co-production Advisory Group: annual report 2023</h1>")
    for section in range(1, 6):
        parts.append(f"<h2>Section {section}</h2>")
        parts.extend([PARAGRAPH] * 3)
        rows = [
            ChartRow(measure, (section + index, section * 2 + index))
            for index, measure in enumerate(MEASURES[: 3 + section % 4])
        ]
        chart = chart_bars(
            title=f"Section {section}: 2022 and 2023",
            unit="",
            series=["2022", "2023"],
            rows=rows,
        )
        parts.append(render_to_string("core/components/chart.html", {"chart": chart}))
        if section % 2:
            fees = chart_bars(
                title=f"Section {section}: fees paid",
                unit="£",
                series=["2022", "2023"],
                rows=[ChartRow("Fees", (Decimal("1250.50"), Decimal("2290")))],
            )
            parts.append(
                render_to_string("core/components/chart.html", {"chart": fees})
            )
        parts.append(
            f'<figure><img src="{picture}" alt="Members at meeting {section}" '
            'width="400" height="200"><figcaption>At the meeting</figcaption></figure>'
        )
    parts.append("<h2>Paid work by member</h2><table><caption>Paid work</caption>")
    parts.append(
        '<thead><tr><th scope="col">Member</th><th scope="col">Hours</th>'
        '<th scope="col">Fees</th></tr></thead><tbody>'
    )
    for number in range(1, 41):
        parts.append(
            f'<tr><th scope="row">Member {number}</th><td>{number % 9 + 1}</td>'
            f"<td>£{(number % 9 + 1) * 25}.00</td></tr>"
        )
    parts.append("</tbody></table></main></body></html>")
    return "".join(parts)


def main(runs: int = 3) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    import base64

    from PIL import Image
    from pypdf import PdfReader

    from core.pdf import pdf_render

    buffer = io.BytesIO()
    Image.new("RGB", (800, 400), "#00703c").save(buffer, "PNG")
    picture = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()

    build_started = time.perf_counter()
    html = report_html(picture=picture)
    build = time.perf_counter() - build_started
    timings, pdf = [], b""
    for _run in range(runs):
        started = time.perf_counter()
        pdf = pdf_render(
            html=html, base_url="http://testserver/", title="Annual report 2023"
        )
        timings.append(time.perf_counter() - started)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    load = os.getloadavg()[0]
    size = len(pdf) / 1024
    print(f"PDF of {pages} A4 pages, {size:.0f} KB (HTML built in {build:.2f} s)")
    print(
        f"pdf_render: median {statistics.median(timings):.2f} s, "
        f"slowest {max(timings):.2f} s over {runs} runs "
        f"(limit {LIMIT_SECONDS} s; load average {load:.2f})"
    )
    if max(timings) > LIMIT_SECONDS:
        sys.exit(f"Slower than {LIMIT_SECONDS} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
