"""What the impact dashboard and the annual report draw from a year's
figures (impact.selectors.impact_year_figures): the charts, each with its
title, summary and table (core/charts.py), and the Cube scores' notes. Both
pages call these, so they can never show different figures."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.charts import Chart, ChartRow, change_between, chart_bars
from payments.waits import days_chart, within_chart

from .selectors import HEARD_FEWEST_SUMMARISED, ImpactFigures, ImpactYear


@dataclass(frozen=True)
class HeardNote:
    """A year whose "were we heard?" answers are too few to summarise."""

    year: int
    answers: int

    @property
    def words(self) -> str:
        return _(
            "%(year)s: fewer than %(fewest)s answers, so no scores are shown "
            "(a smaller summary could tell who said what)."
        ) % {"year": self.year, "fewest": HEARD_FEWEST_SUMMARISED}


def _rows(figures: ImpactFigures, measures) -> list[ChartRow]:
    return [
        ChartRow(str(label), (read(figures.before), read(figures.now)))
        for label, read in measures
    ]


MEETING_MEASURES = [
    (gettext_lazy("Meetings and events"), lambda y: y.meetings),
    (gettext_lazy("Development sessions"), lambda y: y.development_sessions),
    (gettext_lazy("Questions put to the group"), lambda y: y.questions),
    (gettext_lazy("Outcomes recorded"), lambda y: y.outcomes),
]
REFLECTION_MEASURES = [
    (
        gettext_lazy("Reflection flows (raised or carried over)"),
        lambda y: y.reflections.flows,
    ),
    (gettext_lazy("New this year"), lambda y: y.reflections.new),
    (gettext_lazy("Acted on by the end of the year"), lambda y: y.reflections.acted_on),
    (gettext_lazy("Changes recorded by staff"), lambda y: y.changes),
]


def _series(figures: ImpactFigures) -> list[str]:
    return [str(figures.before.year), str(figures.now.year)]


def _scored(year: ImpactYear) -> dict:
    return {score.question.field: score for score in year.heard.scores}


def heard_notes(*, figures: ImpactFigures) -> list[HeardNote]:
    """The years (of the two) with too few answers to show scores."""
    return [
        HeardNote(year=year.year, answers=year.heard.answers)
        for year in (figures.before, figures.now)
        if not year.heard.is_shown
    ]


def heard_chart(*, figures: ImpactFigures, key: str) -> Chart | None:
    """The Cube scores: each question's average (1 to 5) in each year with
    enough answers; None when neither year has enough."""
    shown = [y for y in (figures.before, figures.now) if y.heard.is_shown]
    if not shown:
        return None
    scored = [_scored(year) for year in shown]
    questions = [
        score.question
        for score in shown[-1].heard.scores
        if all(score.question.field in each for each in scored)
    ]
    if not questions:
        return None
    return chart_bars(
        title=_("Were we heard? Average answer, from 1 (not at all) to 5"),
        unit=_("average out of 5"),
        series=[str(year.year) for year in shown],
        label_heading=_("Question"),
        rows=[
            ChartRow(
                str(question.words),
                tuple(each[question.field].average for each in scored),
            )
            for question in questions
        ],
        key=f"{key}-heard",
    )


@dataclass(frozen=True)
class ImpactCharts:
    """Every chart of a year beside the year before, one unit per chart."""

    meetings: Chart
    reflections: Chart
    engagements: Chart
    hours: Chart
    fees: Chart
    heard: Chart | None  # None: too few answers in either year
    # Paid on time (payments/waits.py), for the annual report; None: not
    # asked for (the dashboard), no claim paid in either year (`waits`), or
    # none a promise applied to (`within`).
    waits: Chart | None = None
    within: Chart | None = None

    def __iter__(self):
        charts = (
            self.meetings,
            self.reflections,
            self.engagements,
            self.hours,
            self.fees,
            self.waits,
            self.within,
            self.heard,
        )
        return iter([chart for chart in charts if chart is not None])


def impact_charts(*, figures: ImpactFigures, key: str = "impact") -> ImpactCharts:
    """The charts of a year beside the year before: meetings, reflections and
    changes, paid engagements, hours, fees, how long claims waited to be
    paid (when the figures have the waits: the report's), and the Cube
    scores when there are enough answers."""
    series = _series(figures)
    years = _("%(before)s and %(now)s") % {"before": series[0], "now": series[1]}
    before, now = figures.before.paid, figures.now.paid
    return ImpactCharts(
        meetings=chart_bars(
            title=_("Meetings and what came of them, %(years)s") % {"years": years},
            unit="",
            series=series,
            rows=_rows(figures, MEETING_MEASURES),
            key=f"{key}-meetings",
        ),
        reflections=chart_bars(
            title=_("Reflections and changes, %(years)s") % {"years": years},
            unit="",
            series=series,
            rows=_rows(figures, REFLECTION_MEASURES),
            key=f"{key}-reflections",
        ),
        engagements=chart_bars(
            title=_("Paid engagements, %(years)s") % {"years": years},
            unit="",
            series=series,
            rows=[
                ChartRow(_("Paid engagements"), (before.engagements, now.engagements))
            ],
            key=f"{key}-engagements",
        ),
        hours=chart_bars(
            title=_("Hours of work, %(years)s") % {"years": years},
            unit=_("hours"),
            series=series,
            rows=[ChartRow(_("Hours"), (before.hours, now.hours))],
            key=f"{key}-hours",
        ),
        fees=chart_bars(
            title=_("Fees paid, %(years)s") % {"years": years},
            unit="£",
            series=series,
            rows=[ChartRow(_("Fees paid"), (before.fees, now.fees))],
            key=f"{key}-fees",
        ),
        heard=heard_chart(figures=figures, key=key),
        **_wait_charts(figures, key),
    )


def _wait_charts(figures: ImpactFigures, key: str) -> dict:
    """Paid on time's charts, when the figures have the waits."""
    before, now = figures.before.waits, figures.now.waits
    if before is None or now is None:
        return {}
    return {
        "waits": days_chart(before=before, now=now, key=key),
        "within": within_chart(before=before, now=now, key=key),
    }


def paid_change(*, figures: ImpactFigures) -> str:
    """Paid engagements' change in the report's words: "up 83%"."""
    return change_between(
        before=figures.before.paid.engagements, after=figures.now.paid.engagements
    )
