"""Charts people can read: bar charts drawn on the server as inline SVG (no
JavaScript), each with a title, a summary in plain words and the same figures
in a table (core/templates/core/components/chart.html draws one), and the one
place the change between two years is put into words ("up 83%").

Every length in the SVG is in em (down the chart) or per cent (across it), so
the chart follows the reader's text size and the width of the page: at 320
CSS pixels its words are as big as the page's, not shrunk with a viewBox.
Each bar's figure is written above the bar, so nothing overlaps at any size.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.templatetags.core_tags import pounds

Number = int | Decimal | float

# Down the chart, in em: a measure's name, then for each series a line with
# its figure and the bar beneath it.
LABEL_LINE = Decimal("1.3")
LABEL_GAP = Decimal("0.25")
FIGURE_LINE = Decimal("1.25")
FIGURE_GAP = Decimal("0.3")
BAR_HEIGHT = Decimal("1.1")
GROUP_GAP = Decimal("0.9")
# Across: the longest bar, in per cent, leaving room for its outline.
LONGEST_BAR = Decimal("98")

# How each series' bars are filled, so colour is never the only difference
# (and each bar is labelled with its series and figure as well): the last
# series, this year, is solid; earlier ones hatched, then dotted.
STYLES = ("solid", "hatched", "dotted")
# The site's accent green, for where the site's CSS does not reach (a PDF).
SOLID_FILL = "#00703c"


def change_percent(*, before: Number, after: Number) -> int | None:
    """The change from `before` to `after` in whole per cent, a half rounded
    up (11 after 6 is 83); None when there is nothing to compare with."""
    if not before:
        return None
    change = (Decimal(str(after)) - Decimal(str(before))) * 100 / Decimal(str(before))
    return int(change.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def change_between(*, before: Number, after: Number) -> str:
    """The change in the words every page and the report use: "up 83%",
    "down 10%", "no change", "new this year" (nothing the year before) or
    "none either year"; a change too small to show is "up less than 1%"."""
    if not before:
        return _("new this year") if after else _("none either year")
    percent = change_percent(before=before, after=after)
    if after == before:
        return _("no change")
    if percent == 0:
        return _("up less than 1%") if after > before else _("down less than 1%")
    if after > before:
        return _("up %(percent)s%%") % {"percent": abs(percent)}
    return _("down %(percent)s%%") % {"percent": abs(percent)}


def change_signed(*, before: Number, after: Number) -> str:
    """The same change as the report prints it: "+83%", "-10%", "0%" (and
    "+<1%" for a change too small to show); "new" when there was nothing the
    year before, "" when neither year had any."""
    if not before:
        return "new" if after else ""
    percent = change_percent(before=before, after=after)
    if percent == 0 and after != before:
        return "+<1%" if after > before else "-<1%"
    return f"+{percent}%" if percent > 0 else f"{percent}%"


def value_text(*, value: Number, unit: str) -> str:
    """A figure as the chart and its table both write it: money through the
    site's one way of writing pounds, other figures with thousands commas and
    no trailing zeros (12, 1,250, 7.5)."""
    if unit == "£":
        return pounds(value)
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,}"


def change_sentence(
    *, measure: str, before: Number, after: Number, unit: str, years: Sequence[str]
) -> str:
    """One measure's change in a sentence: "Paid engagements went up from 6
    in 2022 to 11 in 2023 (up 83%)."."""
    earlier, later = years
    was = value_text(value=before, unit=unit)
    now = value_text(value=after, unit=unit)
    words = {"measure": measure, "was": was, "now": now}
    words |= {"earlier": earlier, "later": later}
    if not before and not after:
        return _("%(measure)s: none in %(earlier)s or %(later)s.") % words
    if not before:
        return (
            _("%(measure)s: %(now)s in %(later)s, new this year (none in %(earlier)s).")
            % words
        )
    if after == before:
        return _("%(measure)s stayed at %(now)s in %(earlier)s and %(later)s.") % words
    words["change"] = change_between(before=before, after=after)
    if after > before:
        return (
            _(
                "%(measure)s went up from %(was)s in %(earlier)s to %(now)s in "
                "%(later)s (%(change)s)."
            )
            % words
        )
    return (
        _(
            "%(measure)s went down from %(was)s in %(earlier)s to %(now)s in "
            "%(later)s (%(change)s)."
        )
        % words
    )


@dataclass(frozen=True)
class ChartRow:
    """One measure (or group) and its figure in each series, in order."""

    label: str
    values: tuple[Number, ...]


@dataclass(frozen=True)
class Bar:
    series: str
    value: Number
    text: str  # the figure as written, above the bar and in the table
    style: str  # solid, hatched or dotted
    fill: str  # for a renderer without the site's CSS (a PDF): solid or a pattern
    width: Decimal  # per cent of the chart's width
    text_y: Decimal  # em: the baseline of the figure's line
    y: Decimal  # em: the top of the bar


@dataclass(frozen=True)
class ChartGroup:
    label: str
    label_y: Decimal  # em: the baseline of the measure's name
    bars: tuple[Bar, ...]
    change: str  # "up 83%" beside the year before; "" for one series


@dataclass(frozen=True)
class Chart:
    """Everything the chart component draws, worked out here so the
    template only writes it down."""

    key: str  # the prefix of every id the chart uses; unique on its page
    title: str
    summary: str
    unit: str
    label_heading: str
    series: tuple[str, ...]
    groups: tuple[ChartGroup, ...]
    height: Decimal  # em
    bar_height: Decimal = BAR_HEIGHT
    # What a renderer without the site's CSS draws the words in: a PDF
    # (core/pdf.py) has only the fonts the site ships. Pages inherit theirs.
    font_family: str = (
        "Atkinson Hyperlegible Next, Atkinson Hyperlegible Next Extended, sans-serif"
    )

    @property
    def is_grouped(self) -> bool:
        return len(self.series) > 1

    @property
    def shows_change(self) -> bool:
        return len(self.series) == 2

    @property
    def styles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(bar.style for g in self.groups for bar in g.bars))

    @property
    def column_note(self) -> str:
        """What the figures count, after each column's heading: "(hours)"."""
        if not self.unit or self.unit == "£" or not self.is_grouped:
            return ""
        return f" ({self.unit})"


def _styles_for(count: int) -> tuple[str, ...]:
    return tuple(reversed(STYLES[:count]))


def chart_bars(
    *,
    title: str,
    unit: str,
    series: Sequence[str],
    rows: Sequence[ChartRow],
    summary: str = "",
    label_heading: str = "Measure",
    key: str = "",
) -> Chart:
    """A bar chart: one series (a bar per row), or up to three side by side
    for each row; with two (the year before, this year) each row also gets
    its change, and the summary, unless given, says each change in words.

    `unit` is "£" for money, or what the figures count ("hours"), or "" for
    plain counts; every row's figures share it (draw hours and fees as two
    charts, never on one scale)."""
    series = tuple(str(name) for name in series)
    if not 1 <= len(series) <= len(STYLES):
        raise ValueError(f"A chart has 1 to {len(STYLES)} series, not {len(series)}.")
    if not rows:
        raise ValueError("A chart needs at least one row.")
    for row in rows:
        if len(row.values) != len(series):
            raise ValueError(f"{row.label!r} has {len(row.values)} figures.")
        if any(value < 0 for value in row.values):
            raise ValueError(f"{row.label!r} has a figure below nothing.")
    key = key or f"chart-{slugify(title)}"
    largest = max(Decimal(str(value)) for row in rows for value in row.values)
    styles = _styles_for(len(series))
    grouped = len(series) > 1

    groups = []
    y = Decimal(0)
    for row in rows:
        label_y = Decimal(0)
        if grouped:
            y += LABEL_LINE
            label_y = y
            y += LABEL_GAP
        bars = []
        for name, value, style in zip(series, row.values, styles, strict=True):
            y += FIGURE_LINE
            text_y = y
            y += FIGURE_GAP
            width = (
                (Decimal(str(value)) * LONGEST_BAR / largest).quantize(Decimal("0.01"))
                if largest
                else Decimal(0)
            )
            bars.append(
                Bar(
                    series=name if grouped else row.label,
                    value=value,
                    text=value_text(value=value, unit=unit),
                    style=style,
                    fill=SOLID_FILL if style == "solid" else f"url(#{key}-{style})",
                    width=width,
                    text_y=text_y,
                    y=y,
                )
            )
            y += BAR_HEIGHT
        y += GROUP_GAP
        change = ""
        if len(series) == 2:
            change = change_between(before=row.values[0], after=row.values[1])
        groups.append(
            ChartGroup(
                label=row.label, label_y=label_y, bars=tuple(bars), change=change
            )
        )

    if not summary:
        summary = _summary(series=series, rows=rows, unit=unit)
    return Chart(
        key=key,
        title=title,
        summary=summary,
        unit=unit,
        label_heading=label_heading,
        series=series,
        groups=tuple(groups),
        height=y - GROUP_GAP + FIGURE_GAP,
    )


def _summary(*, series: tuple[str, ...], rows: Sequence[ChartRow], unit: str) -> str:
    """What the chart shows, in words, for when the caller has none: each
    change beside the year before, or the most and the fewest of one series."""
    if len(series) == 2:
        return " ".join(
            change_sentence(
                measure=row.label,
                before=row.values[0],
                after=row.values[1],
                unit=unit,
                years=series,
            )
            for row in rows
        )
    if len(series) == 1:
        ordered = sorted(rows, key=lambda row: row.values[0], reverse=True)
        most, fewest = ordered[0], ordered[-1]
        most_text = value_text(value=most.values[0], unit=unit)
        if len(rows) == 1:
            return _("%(label)s: %(value)s.") % {
                "label": most.label,
                "value": most_text,
            }
        if most.values[0] == fewest.values[0]:
            return _("Each the same: %(value)s.") % {"value": most_text}
        fewest_text = value_text(value=fewest.values[0], unit=unit)
        return _(
            "The most: %(most)s (%(most_value)s). The fewest: %(fewest)s "
            "(%(fewest_value)s)."
        ) % {
            "most": most.label,
            "most_value": most_text,
            "fewest": fewest.label,
            "fewest_value": fewest_text,
        }
    return ""
