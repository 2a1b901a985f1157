"""Issue 19, line 6: the annual report, generated. For a chosen year, a page
in the report's own sections and the same as a tagged PDF, worked out from
the records (the lead writes only its own words); its figures are the
dashboard's; a year with nothing recorded says so and makes no PDF."""

import io
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from impact.factories import (
    ChangeFactory,
    MeetingFactory,
    OutcomeFactory,
    ReportYearFactory,
)
from impact.models import ReportYear
from members.factories import PersonFactory, ProfileFactory
from members.models import Assembly
from tests.impact_pages import assert_svg_agrees_with_table, charts_of
from tests.people import person, sign_in

pytestmark = pytest.mark.django_db

# The workstreams the seed's report lists, as the demo names them.
SEED_WORKSTREAMS = [
    "Embedding strategy",
    "Accessible communications and website",
    "Evaluation strategy",
    "Recruitment processes",
    "Induction materials",
    "Marketing communications",
    "Staff Away Day",
]
SECTIONS = [
    "Introduction",
    "Membership",
    "Meetings and outcomes",
    "Our co-production story",
    "Internal collaboration",
    "Reflections",
    "What changed because of the group",
    "Were we heard?",
    "Priorities for 2024",
]
EMPTY_YEAR = 2011


def report_page(client, year=2023, name="impact:report"):
    return client.get(reverse(name, args=[year]))


# Who may read and write it ---------------------------------------------------------

VIEWS = ["impact:report", "impact:report_pdf", "impact:report_easy_read"]
# status for each of VIEWS, then for the words' form.
MATRIX = [
    ("member@example.org", 404, 404),
    ("member2@example.org", 404, 404),
    ("staff@example.org", 200, 404),
    ("lead@example.org", 200, 200),
    ("admin@example.org", 404, 404),
    ("supporter@example.org", 404, 404),
]


@pytest.mark.parametrize(("email", "reads", "writes"), MATRIX)
def test_who_reads_the_report_and_who_writes_its_words(client, email, reads, writes):
    sign_in(client, email)
    for name in VIEWS:
        assert report_page(client, name=name).status_code == reads, name
    assert report_page(client, name="impact:report_edit").status_code == writes
    assert client.get(reverse("impact:report_years")).status_code == reads


def test_a_visitor_is_sent_to_sign_in(client):
    for name in [*VIEWS, "impact:report_edit"]:
        response = report_page(client, name=name)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


# What it says ---------------------------------------------------------------------


def test_the_demo_2023_report_says_up_83_and_lists_the_seed_s_workstreams(client):
    sign_in(client, "staff@example.org")
    page = report_page(client).content.decode()
    assert "Paid engagement went up 83% from 2022 to 2023" in page
    start = page.index('id="section-collaboration"')
    collaboration = page[start : page.index('id="section-reflections"')]
    for name in SEED_WORKSTREAMS:
        assert f"<li>{name} (" in collaboration, name
    assert "worked across 7 workstreams in 2023" in collaboration
    headings = [page.index(f">{heading}</h2>") for heading in SECTIONS]
    assert headings == sorted(headings)
    # The lead's own words, and the reflections counted as the report does.
    assert ReportYear.objects.get(year=2023).priorities_next_year[:40] in page
    assert "covers 11 (4 new)" in page


def test_the_report_s_figures_are_the_dashboard_s(client):
    sign_in(client, "lead@example.org")
    report = charts_of(report_page(client).content.decode())
    dashboard = charts_of(
        client.get(reverse("impact:dashboard"), {"year": 2023}).content.decode()
    )
    # Paid on time is the report's and the figures page's: the dashboard is
    # at the site's limit of statements a page runs.
    figures = charts_of(
        client.get(reverse("figures:figures"), {"year": 2023}).content.decode()
    )
    paid_on_time = {
        "Working days from sent to paid, 2022 and 2023",
        "Share of claims paid within the promise, 2022 and 2023",
    }
    assert paid_on_time <= set(report) and paid_on_time <= set(figures)
    assert set(report) - paid_on_time == set(dashboard)
    for title, chart in report.items():
        agrees = figures if title in paid_on_time else dashboard
        assert chart["rows"] == agrees[title]["rows"], title
        assert_svg_agrees_with_table(chart)


def test_every_id_on_the_report_is_its_own(client):
    """Sections and charts name their parts by id (aria-labelledby, the
    PDF's anchors): none may be used twice."""
    sign_in(client, "lead@example.org")
    ids = re.findall(r' id="([^"]+)"', report_page(client).content.decode())
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_only_publishable_changes_and_their_quotes(client):
    ChangeFactory(
        what="A private change.",
        quote="Words kept among staff.",
        quote_by="A manager",
        recorded_on=date(2023, 5, 1),
    )
    ChangeFactory(
        what="A published change.",
        quote="Words we may print.",
        quote_by="A director",
        may_publish=True,
        recorded_on=date(2023, 5, 2),
    )
    sign_in(client, "lead@example.org")
    page = report_page(client).content.decode()
    assert "A published change." in page and "Words we may print." in page
    assert "A private change." not in page and "Words kept among staff" not in page


def test_members_are_named_only_if_they_agreed_to_be_on_the_public_site(client):
    wales = Assembly.objects.get(slug="wales")
    for name, public in (("Quiet Member", False), ("Open Member", True)):
        ProfileFactory(
            display_name=name,
            publish_on_site=public,
            assembly=wales,
            joined_on=date(2023, 2, 1),
        )
    sign_in(client, "lead@example.org")
    page = report_page(client).content.decode()
    assert "Quiet Member" not in page
    assert (
        "Dafydd Pryce, Open Member, Seren Hughes and 1 member not named here." in page
    )
    assert "Joined in 2023: Open Member, a member of the group." in page
    assert "Colm Brennan" in page  # joined in 2023, on the public site
    assert "Joined in 2023: Colm Brennan, Niamh Rafferty." in page
    assert "Left in 2023: Maeve Donnelly, Róisín Carr." in page


def test_a_year_with_nothing_recorded_says_so_and_makes_no_pdf(client):
    sign_in(client, "lead@example.org")
    for name in ("impact:report", "impact:report_pdf"):
        response = report_page(client, EMPTY_YEAR, name)
        assert response.status_code == 404
        assert response["Content-Type"].startswith("text/html")
        assert f"Nothing recorded for {EMPTY_YEAR}" in response.content.decode()


def test_the_easy_read_summary_is_a_page_of_its_own(client):
    sign_in(client, "staff@example.org")
    response = report_page(client, name="impact:report_easy_read")
    assert "We met many times." in response.content.decode()
    assert report_page(client, 2022, "impact:report_easy_read").status_code == 404


# The lead's words --------------------------------------------------------------------


def test_the_lead_writes_the_report_s_words(client):
    sign_in(client, "lead@example.org")
    url = reverse("impact:report_edit", args=[2024])
    response = client.post(
        url,
        {
            "introduction": "A year of paid work.",
            "priorities_next_year": "Measure the value of the group.",
            "easy_read_summary": "",
        },
    )
    assert response.status_code == 302
    words = ReportYear.objects.get(year=2024)
    assert words.introduction == "A year of paid work."
    assert words.changed_by == person("lead@example.org")


def test_words_without_an_introduction_are_refused_and_the_rest_kept(client):
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("impact:report_edit", args=[2024]),
        {
            "introduction": "  ",
            "priorities_next_year": "Kept words.",
            "easy_read_summary": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write a few words to open the report" in page
    assert "Kept words." in page
    assert not ReportYear.objects.filter(year=2024).exists()


def test_no_words_for_years_far_ahead(client):
    sign_in(client, "lead@example.org")
    assert report_page(client, 2100, "impact:report_edit").status_code == 404


# The PDF ------------------------------------------------------------------------------


def structure(reader):
    """Every structure element in reading order."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    order = []

    def walk(element):
        found = element.get("/K", [])
        for kid in found if isinstance(found, ArrayObject) else [found]:
            kid = kid.get_object() if isinstance(kid, IndirectObject) else kid
            if isinstance(kid, DictionaryObject) and "/S" in kid:
                order.append(kid)
                walk(kid)

    walk(root)
    return order


def test_the_pdf_is_tagged_with_its_headings_language_text_and_charts(client):
    sign_in(client, "staff@example.org")
    response = report_page(client, name="impact:report_pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "coproduction-annual-report-2023.pdf" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/MarkInfo"]["/Marked"].value is True
    title = "Co-production Advisory Group: annual report 2023"
    assert reader.metadata.title == title

    text = "\n".join(page.extract_text() for page in reader.pages)
    positions = [text.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions), "the sections read in order"
    assert "Paid engagement went up 83% from 2022 to 2023" in text
    assert "Staff Away Day" in text

    order = structure(reader)
    tags = [str(element["/S"]) for element in order]
    assert tags.count("/H1") == 1
    assert tags.count("/H2") == len(SECTIONS)
    assert tags.index("/H1") < tags.index("/H2") < tags.index("/H3")
    assert {"/Table", "/TH", "/TD", "/L", "/LI"} <= set(tags)
    figures = [str(e.get("/Alt")) for e in order if e["/S"] == "/Figure"]
    assert "Paid engagements, 2022 and 2023" in figures
    assert "Meetings and what came of them, 2022 and 2023" in figures


# Query counts ------------------------------------------------------------------------


def test_the_report_runs_the_same_queries_for_more_meetings(client):
    sign_in(client, "lead@example.org")
    dafydd = person("member@example.org")

    def measured():
        report_page(client)
        with CaptureQueriesContext(connection) as queries:
            response = report_page(client)
        return len(queries), response.content.decode().count("More meeting")

    before = measured()
    for number in range(5):
        meeting = MeetingFactory(
            title=f"More meeting {number}",
            date=date(2023, 10, 1 + number),
            led_by=[dafydd, PersonFactory()],
        )
        OutcomeFactory(meeting=meeting)
        ChangeFactory(meeting=meeting, recorded_on=date(2023, 10, 9), may_publish=True)
    ReportYearFactory(year=2023)
    after = measured()
    assert after[0] == before[0], "the report grew a query per record"
    assert after[1] == before[1] + 5
