"""Issue 19, line 5: the impact dashboard. The lead and staff see the whole
group's year beside the year before; a member sees their own part (their
meetings, paid work and answers, with the group's reflections and changes);
every figure comes from impact_year_figures, drawn as charts whose tables
agree with their bars; the Cube scores only from five answers or more."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from figures.selectors import engagement_totals, engagements_list
from impact.factories import (
    ChangeFactory,
    HeardAnswerFactory,
    MeetingFactory,
    OutcomeFactory,
    ReflectionFlowFactory,
)
from impact.models import Meeting
from impact.selectors import impact_year_figures
from members.factories import PersonFactory
from tests.figures_fixtures import took_part, work
from tests.impact_pages import assert_svg_agrees_with_table, charts_of
from tests.people import act_for, person, sign_in

pytestmark = pytest.mark.django_db

YEAR = 2019  # a year of its own, before any of the demo's records
MEETINGS_CHART = f"Meetings and what came of them, {YEAR - 1} and {YEAR}"
REFLECTIONS_CHART = f"Reflections and changes, {YEAR - 1} and {YEAR}"
HEARD_CHART = "Were we heard? Average answer, from 1 (not at all) to 5"


def dashboard(client, year=YEAR):
    return client.get(reverse("impact:dashboard"), {"year": year})


@pytest.fixture
def year_of_work():
    """In YEAR: two meetings (one member@ led, one only member2@ attended),
    a development session, three outcomes, a flow and two changes; in the
    year before, one meeting."""
    dafydd, niamh = person("member@example.org"), person("member2@example.org")
    led = MeetingFactory(title="Spring meeting", date=date(YEAR, 3, 1), led_by=[dafydd])
    OutcomeFactory(meeting=led, text="Papers a week before.")
    OutcomeFactory(meeting=led, text="Breaks every hour.")
    other = MeetingFactory(
        title="Autumn meeting", date=date(YEAR, 9, 1), attendees=[niamh], question=""
    )
    OutcomeFactory(meeting=other, text="A new leaflet.")
    MeetingFactory(
        title="Training",
        kind=Meeting.Kind.DEVELOPMENT,
        date=date(YEAR, 5, 1),
        attendees=[dafydd, niamh],
    )
    MeetingFactory(title="Last year's meeting", date=date(YEAR - 1, 6, 1))
    ReflectionFlowFactory(year_raised=YEAR)
    ChangeFactory(recorded_on=date(YEAR, 4, 1))
    ChangeFactory(recorded_on=date(YEAR, 10, 1), may_publish=True)
    return led, other


# Who sees what -------------------------------------------------------------------

# (status, whose figures: "group", the member's own, or None).
MATRIX = [
    ("member@example.org", 200, "Your part in the group's work"),
    ("member2@example.org", 200, "Your part in the group's work"),
    ("staff@example.org", 200, "The group's impact"),
    ("lead@example.org", 200, "The group's impact"),
    ("admin@example.org", 404, None),
    ("supporter@example.org", 404, None),
]


@pytest.mark.parametrize(("email", "status", "heading"), MATRIX)
def test_who_opens_the_dashboard(client, year_of_work, email, status, heading):
    sign_in(client, email)
    response = dashboard(client)
    assert response.status_code == status
    if heading:
        assert f"<h1>{heading}, {YEAR}</h1>" in response.content.decode()


def test_a_visitor_is_sent_to_sign_in(client):
    response = dashboard(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_member_sees_their_own_meetings_and_another_member_theirs(
    client, year_of_work
):
    sign_in(client, "member@example.org")
    mine = charts_of(dashboard(client).content.decode())[MEETINGS_CHART]["rows"]
    # Dafydd led the spring meeting and was at the training: not the autumn one.
    assert mine[0] == ["Meetings and events", "0", "1", "new this year"]
    assert mine[1] == ["Development sessions", "0", "1", "new this year"]
    assert mine[3] == ["Outcomes recorded", "0", "2", "new this year"]

    sign_in(client, "member2@example.org")
    theirs = charts_of(dashboard(client).content.decode())[MEETINGS_CHART]["rows"]
    assert theirs[0] == ["Meetings and events", "0", "1", "new this year"]
    # The autumn meeting put no question; the training did.
    assert theirs[2] == ["Questions put to the group", "0", "1", "new this year"]
    assert theirs[3] == ["Outcomes recorded", "0", "1", "new this year"]

    sign_in(client, "lead@example.org")
    group = charts_of(dashboard(client).content.decode())[MEETINGS_CHART]["rows"]
    assert group == [
        ["Meetings and events", "1", "2", "up 100%"],
        ["Development sessions", "0", "1", "new this year"],
        ["Questions put to the group", "1", "2", "up 100%"],
        ["Outcomes recorded", "0", "3", "new this year"],
    ]


def test_a_supporter_acting_for_a_member_sees_the_member_s_part(client, year_of_work):
    act_for(client, "supporter@example.org", "member2@example.org")
    response = dashboard(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>Niamh Rafferty's part in the group's work, {YEAR}</h1>" in page
    rows = charts_of(page)[MEETINGS_CHART]["rows"]
    assert rows[3] == ["Outcomes recorded", "0", "1", "new this year"]


def test_a_member_sees_only_their_own_paid_work(client):
    panel = work(YEAR, title="Panel")
    took_part(panel, "member@example.org")
    took_part(panel, "member2@example.org")
    sign_in(client, "member@example.org")
    charts = charts_of(dashboard(client).content.decode())
    assert charts[f"Paid engagements, {YEAR - 1} and {YEAR}"]["rows"] == [
        ["Paid engagements", "0", "1", "new this year"]
    ]
    assert charts[f"Fees paid, {YEAR - 1} and {YEAR}"]["rows"][0][2] == "£50.00"
    sign_in(client, "staff@example.org")
    charts = charts_of(dashboard(client).content.decode())
    assert charts[f"Fees paid, {YEAR - 1} and {YEAR}"]["rows"][0][2] == "£100.00"


# The figures -----------------------------------------------------------------------


def test_the_group_s_reflections_and_changes(client, year_of_work):
    sign_in(client, "staff@example.org")
    rows = charts_of(dashboard(client).content.decode())[REFLECTIONS_CHART]["rows"]
    assert rows[0] == [
        "Reflection flows (raised or carried over)",
        "0",
        "1",
        "new this year",
    ]
    assert rows[2] == ["Acted on by the end of the year", "0", "0", "none either year"]
    assert rows[3] == ["Changes recorded by staff", "0", "2", "new this year"]


def test_paid_work_is_the_figures_page_s_own(client):
    """2023 in the demo: the figures app's own totals, up 83%."""
    found = engagements_list()
    now, before = (engagement_totals(found=found, year=y) for y in (2023, 2022))
    sign_in(client, "lead@example.org")
    charts = charts_of(dashboard(client, 2023).content.decode())
    assert charts["Paid engagements, 2022 and 2023"]["rows"] == [
        ["Paid engagements", str(before.engagements), str(now.engagements), "up 83%"]
    ]
    assert (before.engagements, now.engagements) == (6, 11)
    hours = charts["Hours of work, 2022 and 2023"]["rows"][0]
    assert [Decimal(hours[1]), Decimal(hours[2])] == [before.hours, now.hours]
    fees = charts["Fees paid, 2022 and 2023"]["rows"][0]
    assert fees[1:3] == [f"£{before.fees:,}", f"£{now.fees:,}"]


def test_every_chart_s_table_agrees_with_its_bars(client, year_of_work):
    for number in range(5):
        HeardAnswerFactory(meeting=year_of_work[0], heard=1 + number % 5)
    sign_in(client, "lead@example.org")
    charts = charts_of(dashboard(client).content.decode())
    assert len(charts) == 6
    for title, chart in charts.items():
        assert chart["rows"], title
        assert_svg_agrees_with_table(chart)


def test_cube_scores_only_from_five_answers(client, year_of_work):
    led, _other = year_of_work
    for heard in (5, 4, 4, 3):
        HeardAnswerFactory(meeting=led, heard=heard, difference=2)
    sign_in(client, "lead@example.org")
    page = dashboard(client).content.decode()
    assert HEARD_CHART not in charts_of(page)
    assert f"{YEAR}: fewer than 5 answers, so no scores are shown" in page

    # A fifth answer, about paid work that began that year.
    HeardAnswerFactory(meeting=None, opportunity=work(YEAR), heard=4, difference=2)
    page = dashboard(client).content.decode()
    chart = charts_of(page)[HEARD_CHART]
    assert chart["heads"] == ["Question", str(YEAR)]
    assert chart["rows"][:2] == [
        ["Did you feel your voice was heard?", "4"],
        ["Do you think what you said will make a difference?", "2"],
    ]
    assert f"{YEAR}: fewer than" not in page
    assert f"{YEAR - 1}: fewer than 5 answers" in page


def test_a_member_s_own_answers_are_theirs_alone(client, year_of_work):
    """Five answers from others are the group's: the member's own part
    counts only theirs, so shows no scores."""
    led, _other = year_of_work
    for _number in range(5):
        HeardAnswerFactory(meeting=led)
    sign_in(client, "member@example.org")
    page = dashboard(client).content.decode()
    assert HEARD_CHART not in charts_of(page)
    sign_in(client, "lead@example.org")
    assert HEARD_CHART in charts_of(dashboard(client).content.decode())


def test_a_year_not_in_the_records_falls_back_to_the_newest_meeting_s(client):
    sign_in(client, "lead@example.org")
    for asked in ("1800", "not-a-year"):
        response = client.get(reverse("impact:dashboard"), {"year": asked})
        assert response.status_code == 200
        newest = Meeting.objects.order_by("-date").first().date.year
        assert f"<h1>The group's impact, {newest}</h1>" in response.content.decode()


def test_the_selector_gives_the_page_s_figures(year_of_work):
    figures = impact_year_figures(year=YEAR)
    assert (figures.now.meetings, figures.now.development_sessions) == (2, 1)
    assert (figures.now.questions, figures.now.outcomes) == (2, 3)
    assert (figures.before.meetings, figures.now.changes) == (1, 2)
    mine = impact_year_figures(year=YEAR, member=person("member@example.org"))
    assert (mine.now.meetings, mine.now.development_sessions) == (1, 1)


# Query counts ----------------------------------------------------------------------


@pytest.mark.parametrize("email", ["lead@example.org", "member@example.org"])
def test_the_dashboard_runs_the_same_queries_for_more_meetings_and_answers(
    client, year_of_work, email
):
    sign_in(client, email)
    dafydd = person("member@example.org")

    def measured():
        dashboard(client)  # the site's own lookups, read again after a change
        with CaptureQueriesContext(connection) as queries:
            response = dashboard(client)
        rows = charts_of(response.content.decode())[MEETINGS_CHART]["rows"]
        return len(queries), rows[0][2]

    before = measured()
    for number in range(6):
        meeting = MeetingFactory(
            title=f"More meeting {number}",
            date=date(YEAR, 11, 1 + number),
            attendees=[dafydd, PersonFactory()],
        )
        OutcomeFactory(meeting=meeting)
        HeardAnswerFactory(meeting=meeting, member=dafydd)
        HeardAnswerFactory(meeting=meeting)
        ChangeFactory(meeting=meeting, recorded_on=date(YEAR, 12, 1))
        ReflectionFlowFactory(year_raised=YEAR, meeting=meeting)
    panel = work(YEAR, month=6, title="More paid work")
    took_part(panel, "member@example.org")
    took_part(panel, "member3@example.org")
    after = measured()
    assert after[0] == before[0], "the dashboard grew a query per record"
    assert int(after[1]) == int(before[1]) + 6
    assert after[0] <= 15
