"""Small screens, zoom, touch targets, and pages without JavaScript."""

import pytest
from playwright.sync_api import expect

from . import BROWSER_TEST

NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"

pytestmark = BROWSER_TEST


@pytest.mark.parametrize("path", ["/", "/reader-settings/", "/accounts/login/"])
def test_no_horizontal_scrolling_at_320_css_pixels(page, site, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site + path)
    assert page.evaluate(NO_HORIZONTAL_SCROLL)


def test_no_horizontal_scrolling_at_400_percent_zoom_with_largest_text(page, site):
    # 400% zoom of a 1280px-wide window leaves 320 CSS pixels.
    page.set_viewport_size({"width": 320, "height": 256})
    page.goto(site + "/reader-settings/?next=/")
    page.locator('input[name="text_size"][value="largest"]').check()
    page.get_by_role("button", name="Save my reader settings").click()
    expect(page).to_have_url(site + "/")
    assert page.evaluate(NO_HORIZONTAL_SCROLL)


def test_text_enlarged_by_the_browser_is_respected(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site + "/")
    normal = page.evaluate("() => getComputedStyle(document.body).fontSize")
    page.evaluate("() => document.documentElement.style.fontSize = '200%'")
    enlarged = page.evaluate("() => getComputedStyle(document.body).fontSize")
    context.close()
    assert float(enlarged.rstrip("px")) == pytest.approx(2 * float(normal.rstrip("px")))


@pytest.mark.parametrize("path", ["/", "/reader-settings/", "/accounts/login/"])
def test_touch_targets_are_at_least_44_pixels(page, site, path):
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(site + path)
    targets = page.locator(
        "header a, header button, footer a, .button, main button,"
        " main input:not([type=hidden])"
    )
    assert targets.count() > 0
    for index in range(targets.count()):
        target = targets.nth(index)
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, target.evaluate(
            "el => el.outerHTML"
        )


def test_a_preference_works_with_javascript_switched_off(page_without_js, site):
    page = page_without_js
    page.goto(site + "/")
    page.get_by_role("link", name="Reader settings").first.click()
    page.locator('input[name="font"][value="dyslexia"]').check()
    page.get_by_role("button", name="Save my reader settings").click()
    expect(page).to_have_url(site + "/")
    assert "pref-font-dyslexia" in page.locator("html").get_attribute("class")
    font = page.evaluate("() => getComputedStyle(document.body).fontFamily")
    assert "OpenDyslexic" in font
    expect(page.get_by_role("status")).to_contain_text("reader settings are saved")


def test_preferences_stick_across_visits(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site + "/reader-settings/")
    page.locator('input[name="contrast"][value="high"]').check()
    page.get_by_role("button", name="Save my reader settings").click()
    expect(page.get_by_role("status")).to_contain_text("reader settings are saved")
    page.close()
    later = context.new_page()
    later.goto(site + "/accounts/login/")
    assert "pref-contrast-high" in later.locator("html").get_attribute("class")
    context.close()


def test_the_dyslexia_font_is_served_by_the_site_itself(page, site):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site + "/reader-settings/")
    page.locator('input[name="font"][value="dyslexia"]').check()
    page.get_by_role("button", name="Save my reader settings").click()
    page.wait_for_load_state("networkidle")
    fonts = [url for url in requests if url.endswith(".woff2")]
    assert fonts
    assert all(url.startswith(site) for url in fonts)


def test_printing_leaves_out_navigation_and_settings(page, site):
    page.goto(site + "/")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("link", name="Skip to main content")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
