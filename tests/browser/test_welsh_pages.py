"""Welsh in the browser (issue 21): a Welsh page of every public type and the
Welsh-reading member's pages pass axe with `lang="cy"`; the language link
works by keyboard; an untranslated page's notice is Welsh; the dyslexia font
draws ŵ and ŷ itself, at every text size."""

import pytest
from playwright.sync_api import expect

from . import BROWSER_TEST, helpers
from .test_accessibility import choose_preference

pytestmark = BROWSER_TEST

# One Welsh page of each public type (the demo's, demo/welsh_content.py),
# and the public views under /cy/.
WELSH_PAGES = [
    ("/cy/", "Hwb Cydgynhyrchu"),
    ("/cy/straeon/", "Straeon"),
    ("/cy/straeon/fy-nghyfarfod-cyflogedig-cyntaf/", "Fy nghyfarfod"),
    ("/cy/llyfrgell/", "Llyfrgell"),
    ("/cy/llyfrgell/sut-olwg-sydd-ar-gydgynhyrchu/", "Sut olwg"),
    ("/cy/llyfrgell/cydgynhyrchu-mewn-pum-cam/", "Cydgynhyrchu mewn pum cam"),
    ("/cy/llyfrgell/cydgynhyrchu-mewn-pum-cam/rhannu-grym/", "Rhannu grym"),
    ("/cy/pwy-ydym-ni/", "Pwy ydyn ni"),
    ("/cy/beth-wnaethon-ni/", "Beth wnaethon ni"),
    ("/cy/rhwydweithiau/", "Rhwydweithiau"),
    ("/cy/ein-gwaith-nawr/", "Beth rydyn ni"),
    ("/cy/amdanom-ni-hawdd-ei-ddeall/", "Hawdd ei Ddeall"),
    ("/cy/hygyrchedd/", "Datganiad hygyrchedd"),
    ("/cy/preifatrwydd/", "Hysbysiad preifatrwydd"),
    ("/cy/cwcis/", "Cwcis"),
]
WELSH_MEMBER = "member4@example.org"
MEMBER_PAGES = [
    "/members/",
    "/members/notifications/",
    "/members/profile/",
    "/members/charter/",
    "/members/opportunities/",
]
DIACRITICS = "ŵ ŷ Ŵ Ŷ grŵp tŷ"


def lang(page):
    return page.locator("html").get_attribute("lang")


@pytest.mark.parametrize(("path", "heading"), WELSH_PAGES)
def test_a_welsh_page_of_each_type_is_accessible_and_says_it_is_welsh(
    page, site, path, heading
):
    helpers.check(page, site, path, heading)
    assert lang(page) == "cy"
    link = page.locator('header a[hreflang="en-GB"]')
    expect(link).to_have_text("English")
    expect(link).to_have_attribute("lang", "en-GB")


def test_the_public_views_under_cy_are_welsh_and_accessible(page, site):
    for path in ("/cy/search/?q=gofal", "/cy/reader-settings/", "/cy/another-format/"):
        page.goto(site + path)
        assert lang(page) == "cy", path
        assert helpers.axe_violations(page) == [], path


def test_a_reader_switches_language_by_keyboard(page, site):
    page.goto(site + "/")
    link = page.get_by_role("link", name="Cymraeg")
    for _ in range(40):
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("the language link is not reached by Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/cy/")
    assert lang(page) == "cy"


def test_an_untranslated_page_is_english_with_a_welsh_notice(page, site):
    page.goto(site + "/stories/you-said-we-heard-we-propose/")
    page.get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(site + "/stories/you-said-we-heard-we-propose/?lang=cy")
    assert lang(page) == "en-GB"
    notice = page.get_by_role("note")
    expect(notice).to_have_attribute("lang", "cy")
    expect(notice).to_contain_text("Saesneg")
    helpers.check(page, site, None, "You said, we heard")


def test_the_welsh_reading_member_s_pages_are_welsh_and_accessible(page, site):
    helpers.sign_in(page, site, WELSH_MEMBER)
    for path in MEMBER_PAGES:
        page.goto(site + path)
        assert lang(page) == "cy", path
        assert helpers.axe_violations(page) == [], path


def fonts_drawing(page, selector):
    """The families Chromium used to draw the element's text."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    return {font["familyName"] for font in fonts["fonts"]}


@pytest.mark.parametrize("text_size", ["standard", "largest"])
def test_the_dyslexia_font_draws_welsh_letters_itself(page, site, text_size):
    choose_preference(page, site, "font", "dyslexia")
    if text_size != "standard":
        choose_preference(page, site, "text_size", text_size)
    page.goto(site + "/cy/amdanom-ni-hawdd-ei-ddeall/")
    # The page's own words (tŷ, grŵp) and every Welsh letter with a circumflex.
    expect(page.get_by_text("tŷ", exact=False)).to_be_visible()
    page.evaluate(
        """text => {
            const p = document.createElement("p");
            p.id = "welsh-letters";
            p.textContent = text;
            document.querySelector("main").append(p);
        }""",
        DIACRITICS,
    )
    page.evaluate("document.fonts.ready")
    assert fonts_drawing(page, "#welsh-letters") == {"OpenDyslexic"}
    assert fonts_drawing(page, "main h1") == {"OpenDyslexic"}
