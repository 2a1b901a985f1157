"""Every page of the shell passes axe-core and works by keyboard alone."""

import pytest
from playwright.sync_api import expect

from . import BROWSER_TEST, axe, helpers
from .axe import axe_violations
from .helpers import sign_in

PREFERENCE_CHOICES = [
    ("text_size", "largest"),
    ("contrast", "high"),
    ("font", "dyslexia"),
    ("motion", "reduce"),
]

pytestmark = BROWSER_TEST


PUBLIC_PAGES = [
    "/",
    "/stories/?kind=video&nation=wales",
    "/stories/?tag=carers",
    "/stories/?page=2",
    "/stories/seven-of-us-sat-on-interview-panels/",
    "/stories/carers-week-2023-a-video-interview/",
    "/stories/why-paid-planned-opportunities-matter/",
    "/library/?type=training&audience=practitioners",
    "/library/our-charter/",
    "/library/what-co-production-looks-like/",
    "/library/carers-week/",
    "/library/co-production-in-five-steps/",
    "/library/co-production-in-five-steps/share-power/",
    "/search/?q=carers",
    "/search/?q=xylophonist",
    "/tags/carers/",
    "/easy-read-about-us/",
    "/who-we-are/",
    "/who-we-are/dafydd-pryce/",
    "/who-we-are/maeve-donnelly/",
    "/what-we-did/",
    "/what-we-did/meeting-2-understanding-evidence-2023/",
    "/what-we-are-working-on/",
    "/what-we-are-working-on/recruitment-panels/",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
    "/reader-settings/",
    "/accounts/login/",
    "/no-such-page/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_page_has_no_axe_violations_on_a_desktop_and_a_small_phone(page, site, path):
    page.goto(site + path)
    expect(page.locator("h1")).to_have_count(1)
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"
    )
    assert axe_violations(page) == []


def choose_preference(page, site, name, value):
    page.goto(site + "/reader-settings/?next=/")
    page.locator(f'input[name="{name}"][value="{value}"]').check()
    page.get_by_role("button", name="Save my reader settings").click()
    expect(page).to_have_url(site + "/")
    html_class = page.locator("html").get_attribute("class")
    assert f"pref-{name.replace('_', '-')}-{value}" in html_class


@pytest.mark.parametrize(("name", "value"), PREFERENCE_CHOICES)
def test_each_reader_preference_keeps_every_page_type_accessible(
    page, site, name, value
):
    choose_preference(page, site, name, value)
    # Colours and sizes change what axe sees; font and motion barely do.
    paths = PUBLIC_PAGES if name in ("contrast", "text_size") else PUBLIC_PAGES[:6]
    failures = {}
    for path in paths:
        page.goto(site + path)
        if violations := axe_violations(page):
            failures[path] = violations
    assert failures == {}


def test_sign_in_errors_are_accessible(page, site):
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email address").fill("member@example.org")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Check them and try again")
    expect(page.get_by_label("Email address")).to_have_value("member@example.org")
    assert axe_violations(page) == []


def test_windows_high_contrast_keeps_the_page_accessible(page, site):
    page.emulate_media(forced_colors="active", reduced_motion="reduce")
    page.goto(site + "/")
    assert axe_violations(page) == []


def test_a_transcript_opens_by_keyboard_without_javascript(page_without_js, site):
    page = page_without_js
    page.goto(site + "/stories/carers-week-2023-a-video-interview/")
    summary = page.locator("summary").first
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Nobody gave me a job description")).to_be_visible()


def test_first_tab_reaches_the_skip_link_and_enter_moves_into_main(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_every_control_shows_where_the_focus_is(page, site):
    page.goto(site + "/")
    controls = page.locator("a[href], button, input, select, textarea")
    for index in range(controls.count()):
        control = controls.nth(index)
        if not control.is_visible():
            continue
        control.focus()
        style = control.evaluate(
            "el => { const s = getComputedStyle(el);"
            " return [s.outlineStyle, s.outlineWidth, s.boxShadow,"
            " s.backgroundColor].join('|') }"
        )
        outline_style, outline_width, box_shadow, _background = style.split("|")
        has_outline = outline_style != "none" and outline_width != "0px"
        assert has_outline or box_shadow != "none", control.evaluate(
            "el => el.outerHTML"
        )


def test_a_keyboard_user_can_change_reader_settings(page, site):
    page.goto(site + "/")
    page.get_by_role("link", name="Reader settings").first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reader settings")
    contrast = page.get_by_label("High contrast (yellow on black)")
    contrast.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save my reader settings").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/")
    assert "pref-contrast-high" in page.locator("html").get_attribute("class")


def test_the_500_page_has_no_axe_violations(page, site):
    from django.test import RequestFactory
    from django.views.defaults import server_error

    html = server_error(RequestFactory().get("/")).content.decode()
    # Serve Django's real 500 response at an address of the live server, so
    # the page loads the site's own stylesheet.
    page.route(
        site + "/broken/",
        lambda route: route.fulfill(status=500, body=html, content_type="text/html"),
    )
    page.goto(site + "/broken/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sorry, something went wrong"
    )
    assert page.evaluate("() => document.styleSheets.length") >= 1
    assert axe_violations(page) == []


def test_a_keyboard_user_can_take_a_training_course(page, site):
    page.goto(site + "/library/writing-in-plain-language/")
    page.get_by_role("link", name="Start the course").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Step 1 of 3")).to_be_visible()
    for step in (2, 3):
        page.get_by_role("link", name="Next step").focus()
        page.keyboard.press("Enter")
        expect(page.get_by_text(f"Step {step} of 3")).to_be_visible()
    page.get_by_role("link", name="You have finished").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Writing in plain language"
    )


def test_the_notification_centre_is_accessible_and_works_by_keyboard(page, site):
    sign_in(page, site, "member@example.org")
    helpers.account_menu(page).get_by_role("link", name="Notifications").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Mark all as read").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("as read")
    expect(
        helpers.account_menu(page).get_by_role("link", name="Notifications")
    ).not_to_contain_text("unread")
    assert axe_violations(page) == []


def test_the_pinned_axe_core_release_is_the_one_that_runs(page, site):
    """Every browser test checks with the axe-core release pinned in the
    Makefile (AXE_VERSION), from the npm registry, not the older copy a
    Python package bundles."""
    page.goto(site + "/")
    assert axe.AXE_VERSION == "4.14.1"
    assert axe.inject(page) == axe.AXE_VERSION
    assert axe.axe_violations(page) == []
