"""The year's figures (issue 8, line 8): computed from the records, the
change from one year to the next, by workstream and Assembly, and a CSV for
finance. Years 2018 and 2019 keep clear of the demo's own records."""

import csv
import io
import re
from datetime import date
from decimal import Decimal
from html import unescape
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from core.csv_safe import csv_cell, csv_writer_safe
from figures.selectors import figure_change
from members.models import Assembly, Membership, Profile, User
from opportunities.models import Opportunity, Workstream
from payments.models import AdvanceArrangement, Claim
from tests.figures_fixtures import took_part, work
from tests.people import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_years(demo_site):
    """2018: two people paid. 2019: three paid, one who declined the fee,
    one approved but not yet paid, and a cancelled piece of work."""
    first = work(2018, workstream="Evaluation")
    took_part(first, "member@example.org", expenses=["12.50"])
    took_part(first, "member2@example.org")
    second = work(2019, workstream="Recruitment")
    took_part(second, "member@example.org")
    took_part(second, "member2@example.org")
    took_part(second, "member3@example.org", declines_fee=True)
    third = work(2019, month=6, workstream="Evaluation")
    paid = took_part(third, "member@example.org", expenses=["8.00"])
    AdvanceArrangement.objects.create(
        sign_up=paid,
        kind="taxi",
        details="Taxi both ways",
        amount=Decimal("30.00"),
        status="paid",
        paid_on=date(2019, 6, 1),
    )
    took_part(third, "member2@example.org", claim="approved")
    cancelled = work(2019, month=9, status="cancelled")
    took_part(cancelled, "member3@example.org")
    return first, second, third


def row(page, measure):
    """The cells after a measure's heading in the comparison table."""
    text = page.split(f'<th scope="row">{measure}</th>', 1)[1]
    return [cell.split("</td>")[0] for cell in text.split("</tr>")[0].split("<td>")[1:]]


def test_the_change_from_one_year_to_the_next_is_computed(client, two_years):
    sign_in(client, "lead@example.org")
    page = client.get(reverse("figures:figures"), {"year": 2019}).content.decode()
    # 2 paid engagements in 2018; 3 in 2019 (the declined fee and the claim
    # not yet paid are not paid engagements; the cancelled work is not work).
    assert row(page, "Paid engagements (one person, one opportunity)") == [
        "2",
        "3",
        "Up 50%",
    ]
    assert row(page, "Fees paid (£)") == ["100.00", "150.00", "Up 50%"]
    # Everyone who took part, paid or not: Dafydd, Niamh and Colm.
    assert row(page, "People involved") == ["2", "3", "Up 50%"]
    # Claimed expenses and the taxi paid in advance.
    assert row(page, "Expenses paid (£)") == ["12.50", "38.00", "Up 204%"]
    assert row(page, "Hours")[1] == "10"  # five people, two hours each


def test_a_year_with_nothing_before_it_says_new(client, two_years):
    sign_in(client, "lead@example.org")
    page = client.get(reverse("figures:figures"), {"year": 2018}).content.decode()
    assert row(page, "Paid engagements (one person, one opportunity)") == [
        "0",
        "2",
        "New this year",
    ]


def test_figures_by_workstream_and_assembly_at_the_time(client, two_years):
    dafydd = User.objects.get(email="member@example.org")
    moved_from = Membership.objects.filter(user=dafydd).first()
    # Dafydd was in another Assembly until 2019.
    other = Assembly.objects.exclude(pk=moved_from.assembly_id).first()
    Membership.objects.create(
        user=dafydd,
        assembly=other,
        started_on=date(2017, 1, 1),
        ended_on=date(2018, 12, 31),
    )
    sign_in(client, "lead@example.org")
    page = client.get(reverse("figures:figures"), {"year": 2018}).content.decode()
    by_assembly = page.split(">By Assembly</caption>")[1].split("</table>")[0]
    assert escape(other.name) in by_assembly
    by_workstream = page.split(">By workstream</caption>")[1]
    assert "Evaluation" in by_workstream.split("</table>")[0]
    assert "Recruitment" not in by_workstream.split("</table>")[0]


def test_the_lead_downloads_the_year_for_finance(client, two_years):
    sign_in(client, "lead@example.org")
    response = client.get(reverse("figures:csv", args=[2019]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "coproduction-payments-2019.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 5
    paid = [r for r in rows if r["Fee paid (£)"] == "50.00"]
    assert len(paid) == 3
    taxi = next(r for r in rows if r["Paid in advance (£)"] == "30.00")
    assert taxi["Expenses paid (£)"] == "8.00"  # the claimed part alone
    assert taxi["Fee reference"] == "BACS-1"
    waiting = next(r for r in rows if r["Claim status"] == "Approved, to be paid")
    assert waiting["Fee paid (£)"] == "0.00"


def test_staff_see_the_figures_but_no_one_s_payments(client, two_years):
    sign_in(client, "staff@example.org")
    page = client.get(reverse("figures:figures"), {"year": 2019}).content.decode()
    assert "Up 50%" in page
    assert "By member" not in page
    assert "Dafydd" not in page
    assert client.get(reverse("figures:csv", args=[2019])).status_code == 404


@pytest.mark.parametrize(
    "email", ["member@example.org", "admin@example.org", "supporter@example.org"]
)
def test_members_and_administrators_do_not_see_the_figures(client, two_years, email):
    sign_in(client, email)
    assert client.get(reverse("figures:figures")).status_code == 404
    assert client.get(reverse("figures:csv", args=[2019])).status_code == 404


def test_a_visitor_is_asked_to_sign_in(client, two_years):
    response = client.get(reverse("figures:figures"))
    assert response.status_code == 302 and "/accounts/" in response.url


def test_the_figures_ask_the_database_the_same_number_of_times_for_more_work(
    client, two_years
):
    sign_in(client, "lead@example.org")
    url = reverse("figures:figures")
    client.get(url, {"year": 2019})
    with CaptureQueriesContext(connection) as before:
        client.get(url, {"year": 2019})
    for month in (10, 11):
        extra = work(2019, month=month, title=f"More work {month}")
        took_part(extra, "member@example.org", expenses=["5.00"])
        took_part(extra, "member2@example.org")
    with CaptureQueriesContext(connection) as after:
        client.get(url, {"year": 2019})
    assert len(after) == len(before)


def test_the_report_s_kind_of_figure_and_a_fall(client, two_years):
    assert figure_change(now=11, before=6) == 83  # the report's "increased by 83%"
    assert figure_change(now=0, before=0) is None
    took_part(work(2020), "member@example.org")
    sign_in(client, "lead@example.org")
    page = client.get(reverse("figures:figures"), {"year": 2020}).content.decode()
    assert row(page, "Paid engagements (one person, one opportunity)") == [
        "3",
        "1",
        "Down 67%",
    ]


# Exports that cannot attack a spreadsheet (issue 15, line 7) --------------------

FORMULA_NAMES = ['=HYPERLINK("http://x","y")', "+1", "@SUM(1)", "-2+3", "\tx", "\rx"]


def csv_rows(client, year):
    response = client.get(reverse("figures:csv", args=[year]))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def no_cell_starts_a_formula(rows):
    for cells in rows:
        for cell in cells:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("name", FORMULA_NAMES)
def test_a_display_name_cannot_become_a_formula_in_the_csv(client, two_years, name):
    dafydd = User.objects.get(email="member@example.org")
    Profile.objects.filter(user=dafydd).update(display_name=name)
    sign_in(client, "lead@example.org")
    rows = csv_rows(client, 2019)
    no_cell_starts_a_formula(rows)
    member = rows[0].index("Member")
    theirs = [cells for cells in rows[1:] if cells[member] == "'" + name]
    assert len(theirs) == 2  # shown as the text it is, in both of the year's rows
    fee = rows[0].index("Fee paid (£)")
    assert [cells[fee] for cells in theirs] == ["50.00", "50.00"]  # still numbers


def test_titles_workstreams_and_references_cannot_become_formulas(client, two_years):
    _first, second, _third = two_years
    Opportunity.objects.filter(pk=second.pk).update(title="=1+1")
    Workstream.objects.filter(pk=second.workstream_id).update(name="-Recruitment")
    Claim.objects.filter(sign_up__opportunity=second).update(
        payment_reference="@BACS-1"
    )
    sign_in(client, "lead@example.org")
    rows = csv_rows(client, 2019)
    no_cell_starts_a_formula(rows)
    columns = rows[0]
    of_second = [
        dict(zip(columns, cells, strict=True))
        for cells in rows[1:]
        if cells[columns.index("Opportunity")] == "'=1+1"
    ]
    assert len(of_second) == 3
    assert {row["Workstream"] for row in of_second} == {"'-Recruitment"}
    assert "'@BACS-1" in {row["Fee reference"] for row in of_second}


def test_only_text_is_neutralised_never_the_export_s_own_numbers():
    assert csv_cell(Decimal("-5.00")) == Decimal("-5.00")
    assert csv_cell(-2) == -2
    assert csv_cell(date(2019, 3, 10)) == date(2019, 3, 10)
    assert csv_cell(None) == ""
    assert csv_cell("-5.00") == "'-5.00"  # typed by a person: text
    assert csv_cell("Ann-Marie O'Neill") == "Ann-Marie O'Neill"
    assert csv_cell(" =1+1") == " =1+1"  # a leading space is not a formula
    out = io.StringIO()
    csv_writer_safe(out).writerows([["=A1", Decimal("1.50")], ["ok", "+44 1234"]])
    assert out.getvalue() == "'=A1,1.50\r\nok,'+44 1234\r\n"


# Small groups hidden from staff (issue 15, line 7) --------------------------------


def person_in(assembly, number):
    """Someone in `assembly` since 2010, with no profile (named by account)."""
    user = User.objects.create_user(
        email=f"person{number}@example.org", first_name=f"Person{number}"
    )
    Membership.objects.create(user=user, assembly=assembly, started_on=date(2010, 1, 1))
    return user


def took_part_as(opportunity, users):
    for user in users:
        took_part(opportunity, user.email)


def table(page, caption):
    """A totals table's rows: each row heading with its cells."""
    body = page.split(f">{caption}</caption>")[1].split("</table>")[0]
    rows = {}
    for row_html in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        heading = re.search(r'<th scope="row">(.*?)</th>', row_html)
        if heading:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row_html)
            rows[unescape(heading.group(1))] = cells
    return rows


@pytest.fixture
def assemblies(demo_site):
    return list(Assembly.objects.all()[:3])


@pytest.fixture
def groups_of_3_2_and_1(assemblies):
    """2017: three people in one Assembly and workstream, two in another,
    one in a third; each paid £50 for 2 hours."""
    big, pair, single = assemblies
    people = [person_in(big, n) for n in (1, 2, 3)]
    people += [person_in(pair, n) for n in (4, 5)]
    people.append(person_in(single, 6))
    took_part_as(work(2017, workstream="Evaluation"), people[:3])
    took_part_as(work(2017, month=5, workstream="Recruitment"), people[3:5])
    took_part_as(work(2017, month=7, workstream="Induction"), people[5:])
    return big, pair, single


def figures_page(client, email, year):
    sign_in(client, email)
    return client.get(reverse("figures:figures"), {"year": year}).content.decode()


OTHER = "Other (small groups)"
# Paid engagements, people, hours, fees, expenses.
THREE_PEOPLE = ["3", "3", "6", "150.00", "0.00"]


def test_staff_see_a_group_of_3_but_not_a_group_of_2(client, groups_of_3_2_and_1):
    big, pair, single = groups_of_3_2_and_1
    page = figures_page(client, "staff@example.org", 2017)
    by_assembly = table(page, "By Assembly")
    assert by_assembly == {big.name: THREE_PEOPLE, OTHER: THREE_PEOPLE}
    assert escape(pair.name) not in page and escape(single.name) not in page
    assert table(page, "By workstream") == {
        "Evaluation": THREE_PEOPLE,
        OTHER: THREE_PEOPLE,
    }
    assert "fewer than 3 people is added into “Other (small groups)”" in page


def test_the_lead_sees_every_group(client, groups_of_3_2_and_1):
    big, pair, single = groups_of_3_2_and_1
    page = figures_page(client, "lead@example.org", 2017)
    assert table(page, "By Assembly") == {
        big.name: THREE_PEOPLE,
        pair.name: ["2", "2", "4", "100.00", "0.00"],
        single.name: ["1", "1", "2", "50.00", "0.00"],
    }
    assert set(table(page, "By workstream")) == {
        "Evaluation",
        "Recruitment",
        "Induction",
    }
    assert "You see every group. Staff see any group of fewer than 3" in page


def test_a_lone_small_group_takes_the_next_smallest_with_it(client, assemblies):
    """Else the year's totals, less the rows shown, would give it away."""
    big, pair, _single = assemblies
    took_part_as(work(2017), [person_in(big, n) for n in (1, 2, 3)])
    took_part_as(work(2017, month=5), [person_in(pair, n) for n in (4, 5)])
    page = figures_page(client, "staff@example.org", 2017)
    assert table(page, "By Assembly") == {OTHER: ["5", "5", "10", "250.00", "0.00"]}
    assert row(page, "Fees paid (£)")[1] == "250.00"  # the year, as before


def test_a_year_of_too_few_people_shows_staff_no_split_figures(client, assemblies):
    _big, pair, _single = assemblies
    took_part_as(work(2017), [person_in(pair, n) for n in (1, 2)])
    page = figures_page(client, "staff@example.org", 2017)
    hidden = {OTHER: ["Fewer than 3 people: not shown"]}
    assert table(page, "By Assembly") == hidden
    assert table(page, "By workstream") == hidden


def test_every_csv_the_project_writes_goes_through_the_safe_writer():
    """A new export that calls csv.writer itself would let formulas through."""
    root = Path(__file__).resolve().parents[1]
    writers = re.compile(r"\bcsv\.(writer|DictWriter)\(")
    unsafe = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if not {".venv", ".cache", "tests", "node_modules"}
        & set(path.relative_to(root).parts)
        and path.relative_to(root) != Path("core/csv_safe.py")
        and writers.search(path.read_text(encoding="utf-8"))
    ]
    assert unsafe == []
