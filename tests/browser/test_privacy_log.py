"""The lead's "Who looked at private information" page: passes axe-core,
is reached from People and filtered by keyboard, without JavaScript needed."""

import re

from playwright.sync_api import expect

from members.models import User

from . import BROWSER_TEST, helpers
from .helpers import assert_accessible

pytestmark = BROWSER_TEST


def test_the_lead_reads_and_filters_the_privacy_log_by_keyboard(page, site):
    niamh = User.objects.get(email="member2@example.org")
    helpers.sign_in(page, site, "lead@example.org")
    # Opening Niamh's page is a read of her support needs.
    assert_accessible(page, f"/members/people/manage/{niamh.pk}/", site, str(niamh))

    assert_accessible(page, "/members/people/manage/", site, "People")
    page.get_by_role("link", name="Who looked at private information").focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "Who looked at private information")
    row = page.get_by_role("row").nth(1)
    expect(row).to_contain_text("Access and support needs")
    expect(row.get_by_role("link", name=str(niamh))).to_be_visible()

    page.get_by_label("Whose information").focus()
    page.keyboard.press("ArrowDown")  # from "Everyone" to the first person
    page.get_by_role("button", name="Show").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**person={niamh.pk}")
    assert_accessible(page, page.url, site, "Who looked at private information")
    expect(page.get_by_label("Whose information")).to_have_value(str(niamh.pk))
    expect(page.get_by_role("row")).to_have_count(2)

    # An unknown person: the error is beside the field, everyone is shown.
    assert_accessible(
        page, "/members/people/manage/privacy-log/?person=999999", site, "Who looked"
    )
    expect(page).to_have_title(re.compile(r"^Error: Who looked at private"))
    expect(page.locator(".field--error")).to_contain_text("Select a valid choice")
