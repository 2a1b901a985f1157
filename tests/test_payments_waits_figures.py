"""Paid on time, in figures (issue 22): for the claims paid in a year, beside
the year before, the median and longest working days from sent to paid and
the share paid within the payment promise, on the figures page and in the
annual report (page and PDF), as numbers and as charts. (Not on the impact
dashboard: it is at the site's limit of 15 statements a page.)

The dates are in June 2016 and June 2017: no bank holiday in any of the
four nations, and years the demo's own claims are not in."""

import io
from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from opportunities.factories import SignUpFactory
from payments.factories import ClaimEventFactory, RecordedClaimFactory
from payments.models import Claim, PaymentPromise
from payments.promise import WaitFigures
from payments.selectors import payment_waits
from payments.waits import days_chart, wait_rows, waits_shown, within_chart
from tests.figures_fixtures import work
from tests.impact_pages import assert_svg_agrees_with_table, charts_of
from tests.people import person, sign_in

pytestmark = pytest.mark.django_db

S = Claim.Status
DAYS_CHART = "Working days from sent to paid, 2016 and 2017"
WITHIN_CHART = "Share of claims paid within the promise, 2016 and 2017"


def at(day: date, hour: int = 10):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def claim_paid(
    opportunity,
    email,
    *,
    sent: date,
    paid: date,
    recorded: date | None = None,
    question: tuple[date, date] | None = None,
    status=S.PAID,
):
    """A claim sent on `sent`, approved, and marked paid on `paid` (the lead
    recording `recorded` as the date paid, if given); `question`: asked on,
    sent back on."""
    claim = RecordedClaimFactory(
        sign_up=SignUpFactory(
            opportunity=opportunity, member=person(email), selected=True
        ),
        status=status,
        submitted_at=at(sent),
        paid_on=recorded,
    )
    ClaimEventFactory(claim=claim, at=at(sent), to_status=S.SUBMITTED)
    before = S.SUBMITTED
    if question:
        asked, answered = question
        ClaimEventFactory(
            claim=claim, at=at(asked), from_status=before, to_status=S.QUERIED
        )
        ClaimEventFactory(
            claim=claim, at=at(answered), from_status=S.QUERIED, to_status=S.SUBMITTED
        )
    ClaimEventFactory(
        claim=claim, at=at(sent, 15), from_status=before, to_status=S.APPROVED
    )
    if status == S.PAID:
        ClaimEventFactory(
            claim=claim, at=at(paid), from_status=S.APPROVED, to_status=S.PAID
        )
    return claim


@pytest.fixture
def two_years(demo_site):
    """2016: two claims paid, in 10 and 12 working days. 2017: three, in 2,
    5 and 6 (a question paused one). The promise: 10 working days."""
    PaymentPromise.objects.create(working_days=10, set_at=at(date(2016, 1, 4)))
    earlier, later = work(2016, month=5), work(2017, month=5)
    # 2016: Monday 6 June to Monday 20 June (10) and Wednesday 22 June (12).
    claim_paid(
        earlier, "member@example.org", sent=date(2016, 6, 6), paid=date(2016, 6, 20)
    )
    claim_paid(
        earlier, "member2@example.org", sent=date(2016, 6, 6), paid=date(2016, 6, 22)
    )
    # 2017, from Monday 5 June: paid Wednesday 7 June (2).
    claim_paid(
        later, "member@example.org", sent=date(2017, 6, 5), paid=date(2017, 6, 7)
    )
    # Marked paid on the 14th, but the lead recorded Monday 12 June (5).
    claim_paid(
        later,
        "member2@example.org",
        sent=date(2017, 6, 5),
        paid=date(2017, 6, 14),
        recorded=date(2017, 6, 12),
    )
    # Asked a question on Tuesday 6 June, sent back Friday 9 June (the 7th to
    # the 9th do not count), paid Friday 16 June: 1 + 5 = 6.
    claim_paid(
        later,
        "member3@example.org",
        sent=date(2017, 6, 5),
        paid=date(2017, 6, 16),
        question=(date(2017, 6, 6), date(2017, 6, 9)),
    )
    # Not counted in 2017: approved, not paid yet; and paid in 2018.
    other = work(2017, month=7, title="Other work 2017")
    claim_paid(
        other,
        "member@example.org",
        sent=date(2017, 7, 3),
        paid=date(2017, 7, 5),
        status=S.APPROVED,
    )
    claim_paid(
        other,
        "member2@example.org",
        sent=date(2017, 12, 4),
        paid=date(2018, 1, 8),
    )


def test_the_waits_of_the_claims_paid_in_a_year_and_the_year_before(two_years):
    before, now = payment_waits(year=2017)
    assert before == WaitFigures(
        year=2016, paid=2, measured=2, within=1, median_days=11, longest_days=12
    )
    assert before.within_percent == 50
    assert now == WaitFigures(
        year=2017, paid=3, measured=3, within=3, median_days=5, longest_days=6
    )
    assert now.within_percent == 100
    # The claim paid in January 2018 (sent in 2017) counts in 2018.
    assert payment_waits(year=2018)[1].paid == 1


def test_one_member_s_own_waits(two_years):
    _, now = payment_waits(year=2017, member=person("member3@example.org"))
    assert (now.paid, now.median_days, now.longest_days) == (1, 6, 6)


def test_the_waits_take_the_same_queries_however_many_claims(
    two_years, django_assert_num_queries
):
    with django_assert_num_queries(1):  # the events, their claims and promises
        payment_waits(year=2017)


def test_a_year_with_no_claim_paid_and_one_with_no_promise():
    nothing = WaitFigures(
        year=2016, paid=0, measured=0, within=0, median_days=None, longest_days=None
    )
    unpromised = WaitFigures(
        year=2017, paid=2, measured=0, within=0, median_days=3.5, longest_days=5
    )
    rows = wait_rows(before=nothing, now=unpromised)
    assert [(r.measure, r.before, r.now) for r in rows] == [
        ("Claims paid", "0", "2"),
        ("Median working days from sent to paid", "No claims paid", "3.5"),
        ("Longest working days from sent to paid", "No claims paid", "5"),
        ("Paid within the promise", "No claims paid", "No promise applied"),
    ]
    # Only the year with claims paid is drawn; nothing to draw for the share.
    days = days_chart(before=nothing, now=unpromised, key="t")
    assert days.series == ("2017",)
    assert [bar.text for g in days.groups for bar in g.bars] == ["3.5", "5"]
    assert within_chart(before=nothing, now=unpromised, key="t") is None
    shown = waits_shown(before=nothing, now=nothing, key="t")
    assert (shown.days, shown.within) == (None, None)


def table_rows(html: str) -> dict[str, list[str]]:
    """The Paid on time table's rows, by measure."""
    text = html.split("Paid on time: claims paid in 2017 beside 2016", 1)[1]
    text = text.split("</table>", 1)[0]
    rows = {}
    for row in text.split("<tr>")[2:]:
        measure = row.split('<th scope="row">', 1)[1].split("</th>", 1)[0]
        rows[measure] = [cell.split("</td>", 1)[0] for cell in row.split("<td>")[1:]]
    return rows


EXPECTED_ROWS = {
    "Claims paid": ["2", "3"],
    "Median working days from sent to paid": ["11", "5"],
    "Longest working days from sent to paid": ["12", "6"],
    "Paid within the promise": ["1 of 2 (50%)", "3 of 3 (100%)"],
}


def assert_charts(html: str) -> None:
    charts = charts_of(html)
    assert charts[DAYS_CHART]["rows"] == [
        ["Median", "11", "5", "down 55%"],
        ["Longest", "12", "6", "down 50%"],
    ]
    assert charts[WITHIN_CHART]["rows"] == [
        ["Paid within the promise", "50", "100", "up 100%"]
    ]
    for title in (DAYS_CHART, WITHIN_CHART):
        assert_svg_agrees_with_table(charts[title])


@pytest.mark.parametrize("email", ["lead@example.org", "staff@example.org"])
def test_the_figures_page_shows_the_waits(client, two_years, email):
    sign_in(client, email)
    html = client.get(reverse("figures:figures"), {"year": 2017}).content.decode()
    assert "<h2>Paid on time</h2>" in html
    assert "A claim counts in the year it was paid." in html
    assert table_rows(html) == EXPECTED_ROWS
    assert_charts(html)


def test_the_annual_report_shows_the_waits(client, two_years):
    sign_in(client, "lead@example.org")
    html = client.get(reverse("impact:report", args=[2017])).content.decode()
    assert table_rows(html) == EXPECTED_ROWS
    assert_charts(html)


def test_the_report_s_pdf_has_the_waits(client, two_years):
    sign_in(client, "staff@example.org")
    response = client.get(reverse("impact:report_pdf", args=[2017]))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Paid on time: claims paid in 2017 beside 2016" in text
    assert "3 of 3 (100%)" in text
    assert DAYS_CHART in text
