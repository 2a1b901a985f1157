"""Charts people can read, in Chromium with the site's stylesheet: axe finds
nothing at 1280 and 320 CSS pixels, in forced colours (Windows high contrast)
and with the reader's own high contrast; at 320 nothing scrolls sideways and
the chart's words stay the page's size; printed, a chart is never split.
The component is rendered on its own until the impact dashboard shows it."""

from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from playwright.sync_api import expect

from core.charts import ChartRow, chart_bars

from . import BROWSER_TEST
from .axe import axe_violations

pytestmark = BROWSER_TEST

NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def charts_page(*, html_class: str = "") -> str:
    charts = [
        chart_bars(
            title="What the group did, 2022 and 2023",
            unit="",
            series=["2022", "2023"],
            rows=[
                ChartRow("Paid engagements", (6, 11)),
                ChartRow("Development sessions", (0, 2)),
                ChartRow("Questions put to the group", (9, 7)),
            ],
        ),
        chart_bars(
            title="Fees paid by Assembly, 2023",
            unit="£",
            series=["Fees paid"],
            label_heading="Assembly",
            rows=[
                ChartRow("England North & East Midlands", (Decimal("1250.50"),)),
                ChartRow("Wales", (Decimal("400"),)),
            ],
        ),
    ]
    body = "".join(
        render_to_string("core/components/chart.html", {"chart": chart})
        for chart in charts
    )
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    return (
        f'<!DOCTYPE html><html lang="en-GB" class="{html_class}"><head>'
        '<meta charset="utf-8"><meta name="viewport" '
        'content="width=device-width, initial-scale=1">'
        f"<title>Charts – Co-production Hub</title><style>{css}</style></head>"
        '<body><main class="site-main"><div class="container"><h1>Impact</h1>'
        f"{body}</div></main></body></html>"
    )


def styles(page, selector, *properties):
    return page.locator(selector).first.evaluate(
        "(el, names) => names.map(name => getComputedStyle(el)[name])",
        list(properties),
    )


def test_charts_read_at_every_width_in_every_contrast_and_in_print(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.set_content(charts_page())
    chart = page.get_by_role("figure", name="What the group did, 2022 and 2023")
    image = chart.get_by_role("img", name="What the group did, 2022 and 2023")
    expect(image).to_have_accessible_name(
        "What the group did, 2022 and 2023 Paid engagements went up from 6 in 2022 "
        "to 11 in 2023 (up 83%). Development sessions: 2 in 2023, new this year "
        "(none in 2022). Questions put to the group went down from 9 in 2022 to 7 "
        "in 2023 (down 22%)."
    )
    table = chart.get_by_role("table", name="What the group did, 2022 and 2023: the")
    row = table.get_by_role("row", name="Paid engagements")
    expect(row.get_by_role("cell")).to_have_text(["6", "11", "up 83%"])
    region = chart.get_by_role("region", name="What the group did, 2022 and 2023: the")
    region.focus()
    expect(region).to_be_focused()
    assert axe_violations(page) == []

    # A phone: nothing scrolls sideways, and the chart's words are not shrunk.
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(NO_HORIZONTAL_SCROLL)
    box = image.bounding_box()
    assert box["width"] <= 320 and box["height"] > 200
    assert float(styles(page, ".chart__text", "fontSize")[0].rstrip("px")) >= 16
    assert axe_violations(page) == []

    # Windows high contrast: the system's colours, bars still told apart by
    # their fill (solid against hatched), not by colour.
    page.emulate_media(forced_colors="active")
    canvas_text = page.evaluate("getComputedStyle(document.body).color")
    assert styles(page, ".chart__bar--solid", "fill") == [canvas_text]
    assert styles(page, ".chart__text", "fill") == [canvas_text]
    assert styles(page, ".chart__bar--hatched", "fill")[0].startswith("url(")
    assert styles(page, ".chart__bar--hatched", "stroke") == [canvas_text]
    assert axe_violations(page) == []
    page.emulate_media(forced_colors="none")

    # The reader's own high contrast: yellow bars and white words on black.
    page.set_content(charts_page(html_class="pref-contrast-high"))
    assert styles(page, ".chart__bar--solid", "fill") == ["rgb(255, 255, 0)"]
    assert styles(page, ".chart__text", "fill") == ["rgb(255, 255, 255)"]
    assert styles(page, ".chart__pattern-ground", "fill") == ["rgb(0, 0, 0)"]
    assert axe_violations(page) == []

    # Larger text: the chart grows with it (every length is in em).
    page.set_viewport_size({"width": 1280, "height": 900})
    page.set_content(charts_page())
    normal = image.bounding_box()["height"]
    page.set_content(charts_page(html_class="pref-text-size-larger"))
    assert image.bounding_box()["height"] > 1.4 * normal

    # Printed: black on white, a chart never split across pages, the table
    # not cut off.
    page.set_content(charts_page(html_class="pref-contrast-high"))
    page.emulate_media(media="print")
    assert styles(page, ".chart", "breakInside") == ["avoid"]
    assert styles(page, ".chart__text", "fill") == ["rgb(0, 0, 0)"]
    assert styles(page, ".chart .table-scroll", "overflowX") == ["visible"]
