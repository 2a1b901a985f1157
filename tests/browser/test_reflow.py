"""The largest text (200%) in the dyslexia font, the widest reader settings
together, still fits a 320 CSS pixel screen: nothing scrolls sideways on
the public pages that list cards, tags and filters, nor in the members'
area with its menu (WCAG 1.4.10 Reflow). A data table or chart may scroll
inside its own box; the page may not."""

from . import BROWSER_TEST, helpers
from .test_accessibility import choose_preference

pytestmark = BROWSER_TEST

PAGES = [
    "/",
    "/stories/",
    "/stories/seven-of-us-sat-on-interview-panels/",
    "/library/",
    "/who-we-are/",
    "/networks/",
    "/members/",
    "/members/opportunities/",
    "/members/notifications/",
    "/members/channel/",
]
WIDER_THAN_THE_SCREEN = """() => {
    const width = window.innerWidth;
    return document.documentElement.scrollWidth <= width ? [] :
        [...document.querySelectorAll("body *")]
            .filter(el => el.getBoundingClientRect().right > width + 1)
            .map(el => `${el.tagName} ${el.textContent.trim().slice(0, 40)}`)
            .slice(0, 5);
}"""


def test_the_largest_text_in_the_widest_font_fits_a_small_phone(page, site):
    helpers.sign_in(page, site, "member2@example.org")
    choose_preference(page, site, "text_size", "largest")
    choose_preference(page, site, "font", "dyslexia")
    page.set_viewport_size({"width": 320, "height": 900})
    wider = {}
    for path in PAGES:
        page.goto(site + path)
        if found := page.evaluate(WIDER_THAN_THE_SCREEN):
            wider[path] = found
    assert wider == {}
