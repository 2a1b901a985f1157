"""Paid opportunities (issue 8, first part): the list, the detail with the
fee known in advance, sign-up with a refusal kept, and the waiting list."""

from playwright.sync_api import expect

from opportunities.factories import OpportunityFactory

from . import BROWSER_TEST, helpers
from .axe import axe_violations
from .helpers import assert_accessible

pytestmark = BROWSER_TEST


def test_a_member_signs_up_by_keyboard_and_withdraws(page, site):
    opportunity = OpportunityFactory(places=1, title="Join the film panel")
    helpers.sign_in(page, site, "member2@example.org")
    assert_accessible(page, "/members/opportunities/", site, "Paid opportunities")
    page.get_by_role("link", name="Join the film panel").first.focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "Join the film panel")
    expect(page.get_by_text("You would earn £125.00 in all")).to_be_visible()
    expect(page.get_by_label("Your access and support needs")).to_contain_text(
        "large print"
    )
    page.get_by_role("button", name="Sign up").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("You are signed up")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Withdraw from this opportunity").click()
    expect(page.get_by_role("status")).to_contain_text("You have withdrawn")
    assert axe_violations(page) == []
    assert opportunity.sign_ups.get().status == "withdrawn"
