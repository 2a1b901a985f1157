"""Issue 8 in the browser: a staff request, the lead's screens (create,
selection), the waiting list, the figures; and, by keyboard alone, a member
signs up, is selected and claims with one expense. Every page passes axe."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import expect

from opportunities.factories import OpportunityFactory
from opportunities.models import EngagementRequest, Opportunity, SignUp
from opportunities.services import opportunity_move, opportunity_select, sign_up_create
from tests.people import person

from . import BROWSER_TEST, helpers
from .axe import axe_violations
from .helpers import assert_accessible, sign_out

pytestmark = BROWSER_TEST


def test_staff_ask_and_the_lead_accepts_and_opens_an_opportunity(page, site):
    helpers.sign_in(page, site, "staff@example.org")
    assert_accessible(page, "/members/opportunities/requests/", site, "Requests")
    page.get_by_role("link", name="Ask for the group's input").click()
    assert_accessible(page, page.url, site, "Ask for the group's input")
    page.get_by_label("What you would like help with").fill("Name our new newsletter")
    page.get_by_role("button", name="Send the request").click()
    # Nothing else filled in: every mistake is named, and the title is kept.
    assert_accessible(page, page.url, site, "Ask for the group's input")
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.get_by_label("What you would like help with")).to_have_value(
        "Name our new newsletter"
    )
    page.get_by_label("Tell us more").fill("Three names to choose from, please.")
    page.get_by_label("Workstream").select_option(label="Marketing communications")
    page.get_by_label("One-off").check()
    day = timezone.localdate() + timedelta(days=30)
    page.get_by_label("From").fill(day.isoformat())
    page.get_by_label("Until").fill((day + timedelta(days=7)).isoformat())
    page.get_by_label("Hours expected of each person").fill("2")
    page.get_by_label("Budget for fees").fill("150")
    page.get_by_role("button", name="Send the request").click()
    assert_accessible(page, page.url, site, "Name our new newsletter")
    sign_out(page)

    helpers.sign_in(page, site, "lead@example.org")
    made = EngagementRequest.objects.get(title="Name our new newsletter")
    assert_accessible(
        page, f"/members/opportunities/requests/{made.pk}/", site, "newsletter"
    )
    page.get_by_role("button", name="Decline the request").click()
    assert_accessible(page, page.url, site, "newsletter")  # the reason is needed
    page.get_by_role("button", name="Accept and set it up as an opportunity").click()
    assert_accessible(page, page.url, site, "Change Name our new newsletter")
    session = page.get_by_role("group", name="Session 1")
    session.get_by_label("Date").fill((day + timedelta(days=2)).isoformat())
    session.get_by_label("Starts at").fill("10:00")
    session.get_by_label("Ends at").fill("09:00")
    page.get_by_role("button", name="Save the opportunity").click()
    assert_accessible(page, page.url, site, "Change Name our new newsletter")
    expect(page.get_by_role("alert")).to_contain_text(
        "Session 1, ends at: The end time is not after the start time."
    )
    page.get_by_role("group", name="Session 1").get_by_label("Ends at").fill("12:00")
    page.get_by_role("button", name="Save the opportunity").click()
    assert_accessible(page, page.url, site, "Name our new newsletter")
    page.get_by_role("button", name="Open for sign-up").click()
    expect(page.get_by_role("status")).to_contain_text("Open for sign-up")
    assert axe_violations(page) == []
    assert_accessible(page, "/members/opportunities/manage/", site, "Manage")
    opportunity = Opportunity.objects.get(title="Name our new newsletter")
    assert_accessible(
        page,
        f"/members/opportunities/manage/{opportunity.pk}/status/?to=cancelled",
        site,
        "Cancel this opportunity?",
    )


def test_the_waiting_list_the_selection_screen_and_the_figures(page, site):
    opportunity = OpportunityFactory(places=1, title="Panel for a new post")
    sign_up_create(opportunity=opportunity, member=person())
    helpers.sign_in(page, site, "member2@example.org")
    page.goto(f"{site}/members/opportunities/{opportunity.pk}/")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("status")).to_contain_text("waiting list")
    expect(page.get_by_text("number 1 in the queue")).to_be_visible()
    assert axe_violations(page) == []
    sign_out(page)

    opportunity_move(opportunity=opportunity, to=Opportunity.Status.CLOSED)
    helpers.sign_in(page, site, "lead@example.org")
    assert_accessible(
        page, f"/members/opportunities/manage/{opportunity.pk}/", site, "Panel"
    )
    page.get_by_role("link", name="Choose who takes part").click()
    assert_accessible(page, page.url, site, "Choose who takes part")
    page.get_by_label("Niamh Rafferty (on the waiting list)").check()
    page.get_by_role("button", name="Confirm the selection and tell everyone").click()
    # Two people for one place, and no reason: both explained, ticks kept.
    assert_accessible(page, page.url, site, "Choose who takes part")
    expect(page.get_by_role("alert")).to_contain_text("Why these people")
    page.get_by_label("Why these people").fill("Niamh has sat on panels before.")
    page.get_by_role("button", name="Confirm the selection and tell everyone").click()
    assert_accessible(page, page.url, site, "Choose who takes part")
    expect(page.get_by_role("alert")).to_contain_text("choose at most 1 people")
    page.get_by_label("Dafydd Pryce (signed up)").uncheck()
    page.get_by_role("button", name="Confirm the selection and tell everyone").click()
    expect(page.get_by_role("status")).to_contain_text("The selection is made")
    assert axe_violations(page) == []
    assert opportunity.sign_ups.get(status=SignUp.Status.SELECTED).member == person(
        "member2@example.org"
    )

    assert_accessible(page, "/members/figures/", site, "The group's figures")
    page.get_by_role("link", name="2023").click()
    assert_accessible(page, page.url, site, "The group's figures for 2023")
    expect(
        page.get_by_role("row", name="Paid engagements (one person")
    ).to_contain_text("Up 83%")


RECEIPT_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def test_by_keyboard_a_member_signs_up_is_selected_and_claims_an_expense(
    page, site, tmp_path
):
    opportunity = OpportunityFactory(places=1, title="Read our draft strategy")
    helpers.sign_in(page, site, "member@example.org")
    page.goto(f"{site}/members/")
    page.get_by_role("navigation", name="Members' area").get_by_role(
        "link", name="Opportunities"
    ).focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "Paid opportunities")
    page.get_by_role("link", name="Read our draft strategy").first.focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Sign up").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("You are signed up")

    # The lead closes sign-up and selects (their screen is tested above).
    opportunity_move(opportunity=opportunity, to=Opportunity.Status.CLOSED)
    opportunity_select(
        opportunity=opportunity,
        chosen=list(opportunity.sign_ups.all()),
        reason="Dafydd knows the strategy's first version.",
        by=person("lead@example.org"),
    )
    page.reload()
    expect(page.get_by_text("Selected")).to_be_visible()
    expect(page.get_by_text("Once the work is done you can claim")).to_be_visible()
    # The sessions happen.
    now = timezone.now()
    for number, session in enumerate(opportunity.sessions.all(), start=1):
        session.starts_at = now - timedelta(days=3 - number, hours=3)
        session.ends_at = session.starts_at + timedelta(hours=2, minutes=30)
        session.save()
    page.reload()
    expect(
        page.get_by_role("link", name="to your calendar (.ics)").first
    ).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Claim your fee and expenses").focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "Claim your fee and expenses")
    expect(page.get_by_label("Hours worked")).to_have_value("5.00")
    expense = page.get_by_role("group", name="Expense 1")
    expense.get_by_label("Type of expense").focus()
    page.keyboard.press("t")  # Travel (a keyboard picks from a list by letter)
    expense.get_by_label("What it was for").focus()
    page.keyboard.type("Bus to the library")
    receipt = tmp_path / "bus-ticket.pdf"
    receipt.write_bytes(RECEIPT_PDF)
    # Choosing a file opens the system's own dialogue; Playwright attaches it.
    expense.get_by_label("Receipt").set_input_files(str(receipt))
    expense.get_by_label("Amount (£)").focus()
    page.keyboard.press("Enter")  # sends the claim, not "Add another expense"
    # No amount: the mistake is named, and the line and its receipt are kept.
    assert_accessible(page, page.url, site, "Claim your fee and expenses")
    expect(page.get_by_role("alert")).to_contain_text("Expense 1, amount (£): Enter")
    expense = page.get_by_role("group", name="Expense 1")
    expect(expense.get_by_label("What it was for")).to_have_value("Bus to the library")
    expect(expense.get_by_text("Attached: bus-ticket.pdf")).to_be_visible()
    expense.get_by_label("Amount (£)").focus()
    page.keyboard.type("4.60")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Your claim is sent")
    assert axe_violations(page) == []
    claim = opportunity.sign_ups.get().claim
    assert claim.fee == 125 and claim.expenses.get().amount == Decimal("4.60")
    assert_accessible(page, "/members/payments/", site, "payments")
    sign_out(page)

    helpers.sign_in(page, site, "lead@example.org")
    assert_accessible(page, "/members/payments/manage/", site, "Claims")
    assert_accessible(page, f"/members/payments/claims/{claim.pk}/", site, "Claim")
    page.get_by_role("button", name="Send the question").click()
    assert_accessible(page, page.url, site, "Claim")  # the question is needed
    page.get_by_role("button", name="Approve the claim", exact=True).click()
    expect(page.get_by_role("status")).to_be_visible()
    page.get_by_label("Payment reference").fill("BACS-TEST-1")
    page.get_by_role("button", name="Mark the claim paid").click()
    expect(page.get_by_role("status")).to_be_visible()
    assert axe_violations(page) == []
    claim.refresh_from_db()
    assert (claim.status, claim.payment_reference) == ("paid", "BACS-TEST-1")
    assert_accessible(
        page, f"/members/payments/opportunities/{opportunity.pk}/", site, "Read our"
    )
