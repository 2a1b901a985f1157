"""The "please wait" page past a rate limit: accessible, usable by keyboard
and without JavaScript, and nothing typed is lost."""

from playwright.sync_api import expect

from . import BROWSER_TEST
from .axe import axe_violations

pytestmark = BROWSER_TEST


def limit(settings, scope, count):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, scope: {"address": (count, 3600)}}


def test_a_paused_sign_in_is_accessible_and_keeps_the_email(page, site, settings):
    limit(settings, "sign_in", 0)
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email address").fill("member@example.org")
    page.get_by_label("Password").fill("coproduction")
    page.get_by_role("button", name="Sign in").click()

    expect(page.locator("h1")).to_have_text("Please wait before trying again")
    expect(page.locator("main")).to_contain_text(
        "You have tried this too many times. Try again after"
    )
    expect(page.get_by_label("Email address")).to_have_value("member@example.org")
    expect(page.get_by_label("Password")).to_have_value("")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 640})
    assert axe_violations(page) == []

    # By keyboard: from the email, on to the password and the button.
    page.get_by_label("Email address").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Try again")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Email me a link to sign in")).to_be_focused()


def test_a_paused_format_request_keeps_everything_without_javascript(
    page_without_js, site, settings
):
    limit(settings, "another_format", 0)
    page = page_without_js
    page.goto(site + "/another-format/?page=/stories/")
    page.get_by_label("Large print").check()
    page.get_by_label("Anything else we should know").fill("The second half, please.")
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("How can we reach you?").fill("07700 900123")
    page.get_by_role("button", name="Send the request").click()

    expect(page.locator("h1")).to_have_text("Please wait before trying again")
    expect(page.get_by_label("Large print")).to_be_checked()
    expect(page.get_by_label("Anything else we should know")).to_have_value(
        "The second half, please."
    )
    expect(page.get_by_label("Your name")).to_have_value("Sam")
    expect(page.get_by_label("How can we reach you?")).to_have_value("07700 900123")
    expect(page.locator("main")).to_contain_text("To get help, contact")

    # When the pause is over, the kept form sends the request as typed.
    limit(settings, "another_format", 5)
    page.get_by_role("button", name="Try again").click()
    expect(page.locator("h1")).to_contain_text("your request is sent")
    expect(page.locator("main a", has_text="Back to the page")).to_have_attribute(
        "href", "/stories/"
    )


def test_a_paused_format_request_page_passes_axe(page, site, settings):
    limit(settings, "another_format", 0)
    page.goto(site + "/another-format/?page=/stories/")
    page.get_by_label("Easy Read").check()
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("How can we reach you?").fill("sam@example.net")
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator("h1")).to_have_text("Please wait before trying again")
    assert axe_violations(page) == []
