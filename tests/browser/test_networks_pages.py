"""The networks directory: the public page (filtered too), the suggest form
with a mistake and the lead's screens pass axe-core at 1280 and 320 CSS
pixels, nothing scrolls sideways, and the filters work by keyboard."""

from playwright.sync_api import expect

from networks.models import Network

from . import BROWSER_TEST, helpers
from .axe import axe_violations

pytestmark = BROWSER_TEST


def assert_accessible_at_both_widths(page, heading):
    for width, height in [(1280, 900), (320, 640)]:
        page.set_viewport_size({"width": width, "height": height})
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert axe_violations(page) == [], f"{page.url} at {width}px"
        assert page.evaluate(
            "() => document.documentElement.scrollWidth <= window.innerWidth"
        ), f"{page.url} scrolls sideways at {width}px"


def test_the_directory_the_suggest_form_and_the_lead_s_screens(page, site):
    page.goto(site + "/networks/")
    assert_accessible_at_both_widths(page, "Networks across the four nations")
    # Filter by keyboard, no script needed: a plain GET form.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Nation", exact=True).select_option("scotland")
    page.get_by_label("Topic", exact=True).select_option("young-people")
    page.get_by_role("button", name="Show networks").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/networks/?nation=scotland&topic=young-people")
    expect(page.get_by_role("heading", name="Glasgow Young Advisers")).to_be_visible()
    expect(page.get_by_text("Valleys Voices Network")).to_have_count(0)
    assert_accessible_at_both_widths(page, "Networks across the four nations")
    page.get_by_role("link", name="Glasgow Young Advisers").click()
    assert_accessible_at_both_widths(page, "Glasgow Young Advisers")

    page.goto(site + "/suggest-a-network/")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Who it is for").fill("Young carers in Powys")
    page.get_by_role("button", name="Send the suggestion").click()
    expect(page.get_by_text("Tick at least one nation.").first).to_be_visible()
    expect(page.get_by_label("Who it is for")).to_have_value("Young carers in Powys")
    assert_accessible_at_both_widths(page, "Suggest a network")

    helpers.sign_in(page, site, "lead@example.org")
    page.goto(site + "/members/networks/manage/")
    assert_accessible_at_both_widths(page, "Networks directory")
    waiting = Network.objects.get(name="Mid Ulster Peer Support Group")
    page.goto(site + f"/members/networks/manage/{waiting.pk}/")
    assert_accessible_at_both_widths(page, "Mid Ulster Peer Support Group")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Shown in the directory").check()
    page.get_by_label("Their website").fill("javascript:alert(1)")
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("Enter a web address starting https://").first
    ).to_be_visible()
    assert_accessible_at_both_widths(page, "Mid Ulster Peer Support Group")
