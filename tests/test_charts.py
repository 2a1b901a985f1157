"""Charts people can read (core/charts.py): the change in words, and each
chart's table agreeing with its bars, read back from the rendered SVG."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from core.charts import (
    ChartRow,
    change_between,
    change_sentence,
    change_signed,
    chart_bars,
)

COMPONENT = "core/components/chart.html"


@pytest.mark.parametrize(
    ("before", "after", "words", "signed"),
    [
        (6, 11, "up 83%", "+83%"),  # the annual report's paid engagements
        (12, 22, "up 83%", "+83%"),
        (10, 9, "down 10%", "-10%"),
        (8, 9, "up 13%", "+13%"),  # 12.5%: a half is rounded up
        (8, 7, "down 13%", "-13%"),
        (5, 5, "no change", "0%"),
        (0, 3, "new this year", "new"),
        (0, 0, "none either year", ""),
        (1000, 1001, "up less than 1%", "+<1%"),
        (4, 0, "down 100%", "-100%"),
        (Decimal("1250.50"), Decimal("2290.00"), "up 83%", "+83%"),
    ],
)
def test_the_change_between_two_years_in_words(before, after, words, signed):
    assert change_between(before=before, after=after) == words
    assert change_signed(before=before, after=after) == signed


def test_a_change_said_in_a_sentence():
    years = ("2022", "2023")
    assert change_sentence(
        measure="Paid engagements", before=6, after=11, unit="", years=years
    ) == ("Paid engagements went up from 6 in 2022 to 11 in 2023 (up 83%).")
    assert change_sentence(
        measure="Fees",
        before=Decimal("2000"),
        after=Decimal("1800.5"),
        unit="£",
        years=years,
    ) == ("Fees went down from £2,000.00 in 2022 to £1,800.50 in 2023 (down 10%).")
    assert (
        change_sentence(
            measure="Development sessions", before=0, after=2, unit="", years=years
        )
        == "Development sessions: 2 in 2023, new this year (none in 2022)."
    )
    assert (
        change_sentence(measure="Meetings", before=4, after=4, unit="", years=years)
        == "Meetings stayed at 4 in 2022 and 2023."
    )


def year_chart():
    return chart_bars(
        title="What the group did",
        unit="",
        series=["2022", "2023"],
        rows=[
            ChartRow("Paid engagements", (6, 11)),
            ChartRow("Meetings", (4, 5)),
            ChartRow("Development sessions", (0, 2)),
            ChartRow("Hours", (Decimal("37.5"), 1250)),
        ],
    )


def read(chart):
    """The rendered chart: its SVG's groups (a name, then each bar's series,
    figure and width) and its table's rows, as a reader would take them."""
    html = BeautifulSoup(render_to_string(COMPONENT, {"chart": chart}), "html.parser")
    svg = html.find("svg")
    drawn = []
    for element in svg.find_all(["text", "rect"], recursive=False):
        classes = element.get("class", [])
        if "chart__label" in classes:
            drawn.append({"label": element.get_text(), "bars": []})
        elif "chart__text" in classes:
            if not chart.is_grouped:
                drawn.append({"label": None, "bars": []})
            series = element.find(class_="chart__series").get_text()
            value = element.find(class_="chart__value").get_text()
            drawn[-1]["bars"].append(
                {"series": series.removesuffix(": "), "text": value}
            )
        elif "chart__bar" in classes:
            width = Decimal(element["width"].removesuffix("%"))
            drawn[-1]["bars"][-1]["width"] = width
    table = html.find("table")
    heads = [th.get_text() for th in table.thead.find_all("th")]
    rows = [
        [row.th.get_text(), *(td.get_text() for td in row.find_all("td"))]
        for row in table.tbody.find_all("tr")
    ]
    return html, svg, drawn, heads, rows


def figure(text):
    return Decimal(text.replace(",", "").replace("£", ""))


def test_a_grouped_chart_draws_what_its_table_says():
    chart = year_chart()
    html, svg, drawn, heads, rows = read(chart)

    assert heads == ["Measure", "2022", "2023", "Change"]
    assert rows == [
        ["Paid engagements", "6", "11", "up 83%"],
        ["Meetings", "4", "5", "up 25%"],
        ["Development sessions", "0", "2", "new this year"],
        ["Hours", "37.5", "1,250", "up 3233%"],
    ]
    # The same names, series and figures in the SVG as in the table.
    assert [group["label"] for group in drawn] == [row[0] for row in rows]
    for group, row in zip(drawn, rows, strict=True):
        assert [bar["series"] for bar in group["bars"]] == heads[1:3]
        assert [bar["text"] for bar in group["bars"]] == row[1:3]
    # Each bar's length is its figure to one scale; the longest fills the chart.
    bars = [bar for group in drawn for bar in group["bars"]]
    largest = max(figure(bar["text"]) for bar in bars)
    for bar in bars:
        expected = figure(bar["text"]) * 98 / largest
        assert bar["width"] == pytest.approx(expected, abs=Decimal("0.01")), bar
    assert max(bar["width"] for bar in bars) == 98
    assert next(bar for bar in bars if bar["text"] == "0")["width"] == 0


def test_a_chart_is_named_summarised_and_tells_its_series_apart_without_colour():
    chart = year_chart()
    html, svg, drawn, heads, rows = read(chart)

    assert html.figcaption.find(class_="chart__title").get_text() == chart.title
    summary = html.figcaption.find(class_="chart__summary").get_text()
    assert summary.startswith(
        "Paid engagements went up from 6 in 2022 to 11 in 2023 (up 83%)."
    )
    # The image is named by its own title and summary.
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == chart.title
    assert svg.find("desc", id=desc_id).get_text() == summary
    # The year before is hatched and outlined, this year solid.
    styles = {
        tuple(rect["class"]) for rect in svg.find_all("rect", class_="chart__bar")
    }
    assert styles == {
        ("chart__bar", "chart__bar--hatched"),
        ("chart__bar", "chart__bar--solid"),
    }
    hatched = svg.find("rect", class_="chart__bar--hatched")
    assert hatched["fill"] == f"url(#{chart.key}-hatched)"
    assert svg.find("pattern", id=f"{chart.key}-hatched") is not None
    # The table is a region a keyboard can reach and scroll, named by its caption.
    region = html.find(class_="table-scroll")
    assert region["tabindex"] == "0" and region["role"] == "region"
    caption = html.find("caption")
    assert region["aria-labelledby"] == caption["id"]
    assert caption.get_text() == "What the group did: the figures"
    assert {th["scope"] for th in html.find_all("th")} == {"col", "row"}
    # Every id on the chart is its own, so two charts can share a page.
    ids = [element["id"] for element in html.find_all(id=True)]
    assert len(ids) == len(set(ids)) and all(i.startswith(chart.key) for i in ids)


def test_a_single_series_chart_names_each_bar_and_its_money():
    chart = chart_bars(
        title="Fees paid by Assembly, 2023",
        unit="£",
        series=["Fees paid"],
        label_heading="Assembly",
        rows=[
            ChartRow("Wales", (Decimal("1250.50"),)),
            ChartRow("Scotland", (Decimal("400"),)),
            ChartRow("Northern Ireland", (Decimal("2501"),)),
        ],
    )
    html, svg, drawn, heads, rows = read(chart)

    assert heads == ["Assembly", "Fees paid"]
    assert rows == [
        ["Wales", "£1,250.50"],
        ["Scotland", "£400.00"],
        ["Northern Ireland", "£2,501.00"],
    ]
    assert [
        (bar["series"], bar["text"]) for group in drawn for bar in group["bars"]
    ] == [(row[0], row[1]) for row in rows]
    widths = [group["bars"][0]["width"] for group in drawn]
    assert widths == [Decimal("49.00"), Decimal("15.67"), Decimal("98.00")]
    assert chart.summary == (
        "The most: Northern Ireland (£2,501.00). The fewest: Scotland (£400.00)."
    )
    assert not svg.find(class_="chart__label")
    assert not svg.find("rect", class_="chart__bar--hatched")


def test_the_chart_grows_with_the_text_not_the_screen():
    # Down the chart every length is in em, across it in per cent: no viewBox
    # to shrink its words on a phone.
    html, svg, *_ = read(year_chart())
    assert svg.get("viewbox") is None
    assert svg["width"] == "100%"
    assert re.fullmatch(r"\d+(\.\d+)?em", svg["height"])
    for rect in svg.find_all("rect", class_="chart__bar"):
        assert rect["y"].endswith("em") and rect["height"].endswith("em")
        assert rect["width"].endswith("%")


def test_a_chart_refuses_figures_it_cannot_draw_honestly():
    with pytest.raises(ValueError, match="below nothing"):
        chart_bars(title="t", unit="", series=["2023"], rows=[ChartRow("a", (-1,))])
    with pytest.raises(ValueError, match="has 1 figures"):
        chart_bars(
            title="t", unit="", series=["2022", "2023"], rows=[ChartRow("a", (1,))]
        )
    with pytest.raises(ValueError, match="1 to 3 series"):
        chart_bars(title="t", unit="", series=[], rows=[ChartRow("a", ())])
