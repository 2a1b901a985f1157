"""Reading the impact dashboard and the annual report as a reader would:
each chart's table, and what its SVG draws (tests/test_impact_dashboard.py
and tests/test_impact_report.py share these)."""

from decimal import Decimal

from bs4 import BeautifulSoup


def charts_of(html: str) -> dict[str, dict]:
    """Each chart on the page by its title: its table's rows (name, then
    each cell) and what its SVG draws (each bar's series and figure, with
    the bar's width), in order."""
    page = BeautifulSoup(html, "html.parser")
    found = {}
    for figure in page.select("figure.chart"):
        title = figure.find(class_="chart__title").get_text()
        table = figure.find("table")
        rows = [
            [row.th.get_text(), *(td.get_text() for td in row.find_all("td"))]
            for row in table.tbody.find_all("tr")
        ]
        drawn = []
        svg = figure.find("svg")
        for element in svg.find_all(["text", "rect"], recursive=False):
            classes = element.get("class", [])
            if "chart__text" in classes:
                drawn.append(
                    {
                        "series": element.find(class_="chart__series")
                        .get_text()
                        .removesuffix(": "),
                        "text": element.find(class_="chart__value").get_text(),
                    }
                )
            elif "chart__bar" in classes:
                drawn[-1]["width"] = Decimal(element["width"].removesuffix("%"))
        found[title] = {
            "heads": [th.get_text() for th in table.thead.find_all("th")],
            "rows": rows,
            "drawn": drawn,
            "summary": figure.find(class_="chart__summary").get_text(),
        }
    return found


def figure(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace("£", ""))


def assert_svg_agrees_with_table(chart: dict) -> None:
    """The SVG draws the table's figures, in the table's order, each bar as
    long as its figure on one scale."""
    series = [head.split(" (")[0] for head in chart["heads"][1:]]
    if series and series[-1] == "Change":
        series = series[:-1]
    expected = [
        # One series: each bar is named by its row.
        (name if len(series) > 1 else row[0], text)
        for row in chart["rows"]
        for name, text in zip(series, row[1 : 1 + len(series)], strict=True)
    ]
    assert [(bar["series"], bar["text"]) for bar in chart["drawn"]] == expected
    largest = max(figure(bar["text"]) for bar in chart["drawn"])
    for bar in chart["drawn"]:
        width = figure(bar["text"]) * 98 / largest if largest else 0
        assert abs(bar["width"] - width) <= Decimal("0.01"), bar
