"""The payment promise kept, in figures: how long the claims paid in a year
waited from sent to paid, beside the year before, as a table's words and as
charts in the site's style (core/charts.py). The figures page and the
annual report both draw these, so they never differ (the impact dashboard
does not: it is at the limit of statements a signed-in page runs).

These are the group's figures, not a person's: a median, a longest wait and
a share. The figures page hides small groups from staff because a group's
fees could tell them what one person was paid; a wait tells them only how
long the lead took to pay, which is the group's own promise being kept or
not. Even the longest wait in a year of one or two claims says how slow the
payment was, not who the member was or what they were paid, so staff see
the same figures as the lead (the lead alone sees whose claim it was, on
the claims list).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.charts import Chart, ChartRow, chart_bars, value_text

from .promise import WaitFigures


@dataclass(frozen=True)
class WaitRow:
    """One measure, as written for the year before and the year."""

    measure: str
    before: str
    now: str


def _days(value) -> str:
    return value_text(value=value, unit="")


def _share(figures: WaitFigures) -> str:
    """ "8 of 10 (80%)"; no promise applied to any: say so."""
    if not figures.measured:
        return _("No promise applied")
    return _("%(within)s of %(measured)s (%(percent)s%%)") % {
        "within": figures.within,
        "measured": figures.measured,
        "percent": figures.within_percent,
    }


def wait_rows(*, before: WaitFigures, now: WaitFigures) -> list[WaitRow]:
    """The table's rows: claims paid, median and longest working days from
    sent to paid, and the share paid within the promise. A year with no
    claims paid says so instead of a figure."""
    none = _("No claims paid")

    def row(measure: str, read) -> WaitRow:
        return WaitRow(
            measure=measure,
            before=read(before) if before.paid else none,
            now=read(now) if now.paid else none,
        )

    return [
        WaitRow(measure=_("Claims paid"), before=str(before.paid), now=str(now.paid)),
        row(
            _("Median working days from sent to paid"),
            lambda f: _days(f.median_days),
        ),
        row(
            _("Longest working days from sent to paid"),
            lambda f: _days(f.longest_days),
        ),
        row(_("Paid within the promise"), _share),
    ]


def _years_words(years: list[int]) -> str:
    if len(years) == 1:
        return str(years[0])
    return _("%(before)s and %(now)s") % {"before": years[0], "now": years[1]}


def _chart(
    *, shown: list[WaitFigures], title: str, unit: str, rows, summary: str, key: str
) -> Chart:
    """A chart of the years shown, titled with them ("2022 and 2023")."""
    years = [figures.year for figures in shown]
    return chart_bars(
        title=title % {"years": _years_words(years)},
        unit=unit,
        series=[str(year) for year in years],
        rows=rows,
        summary=summary,
        key=key,
    )


def days_chart(*, before: WaitFigures, now: WaitFigures, key: str) -> Chart | None:
    """Median and longest working days from sent to paid, for each of the two
    years with a claim paid; None when neither had one."""
    shown = [figures for figures in (before, now) if figures.paid]
    if not shown:
        return None
    summary = " ".join(
        ngettext(
            "%(year)s: %(paid)s claim paid; a median of %(median)s working days "
            "from sent to paid, the longest %(longest)s.",
            "%(year)s: %(paid)s claims paid; a median of %(median)s working days "
            "from sent to paid, the longest %(longest)s.",
            figures.paid,
        )
        % {
            "year": figures.year,
            "paid": figures.paid,
            "median": _days(figures.median_days),
            "longest": _days(figures.longest_days),
        }
        for figures in shown
    )
    return _chart(
        shown=shown,
        title=_("Working days from sent to paid, %(years)s"),
        unit=_("working days"),
        rows=[
            ChartRow(_("Median"), tuple(f.median_days for f in shown)),
            ChartRow(_("Longest"), tuple(f.longest_days for f in shown)),
        ],
        summary=summary,
        key=f"{key}-waits",
    )


def within_chart(*, before: WaitFigures, now: WaitFigures, key: str) -> Chart | None:
    """The share of claims paid within the promise, in per cent, for each of
    the two years with a claim a promise applied to; None when neither."""
    shown = [figures for figures in (before, now) if figures.measured]
    if not shown:
        return None
    summary = " ".join(
        ngettext(
            "%(year)s: %(within)s of %(measured)s claim paid within the promise "
            "(%(percent)s%%).",
            "%(year)s: %(within)s of %(measured)s claims paid within the promise "
            "(%(percent)s%%).",
            figures.measured,
        )
        % {
            "year": figures.year,
            "within": figures.within,
            "measured": figures.measured,
            "percent": figures.within_percent,
        }
        for figures in shown
    )
    return _chart(
        shown=shown,
        title=_("Share of claims paid within the promise, %(years)s"),
        unit=_("per cent"),
        rows=[
            ChartRow(
                _("Paid within the promise"),
                tuple(f.within_percent for f in shown),
            )
        ],
        summary=summary,
        key=f"{key}-within",
    )


@dataclass(frozen=True)
class WaitsShown:
    """Everything payments/components/waits.html shows: the year and the
    year before as a table's rows, and the charts (None: nothing to draw)."""

    before: WaitFigures
    now: WaitFigures
    rows: list[WaitRow]
    days: Chart | None
    within: Chart | None
    key: str

    @property
    def year(self) -> int:
        return self.now.year


def waits_shown(*, before: WaitFigures, now: WaitFigures, key: str) -> WaitsShown:
    return WaitsShown(
        before=before,
        now=now,
        rows=wait_rows(before=before, now=now),
        days=days_chart(before=before, now=now, key=key),
        within=within_chart(before=before, now=now, key=key),
        key=key,
    )
