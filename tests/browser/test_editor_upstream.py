"""Each of Wagtail's problems that the editor works around (editor/upstream.py)
is still Wagtail's: with the file that holds the workaround blocked, axe-core
finds the problem again. The day one of these fails, Wagtail has fixed it:
delete the workaround and its entry in editor/upstream.py."""

from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState

from editor.upstream import (
    DOCUMENT_FILE_TARGET,
    LISTING_TITLE_TARGET,
    MODAL_BACKGROUND,
    MODAL_FADE,
    SCRIPTED,
    STYLED,
)
from stories.models import StoryIndexPage, StoryPage

from . import BROWSER_TEST, helpers
from .axe import inject

pytestmark = BROWSER_TEST


def rule_found(page, rule):
    inject(page)
    result = page.evaluate(
        "rule => axe.run(document, {runOnly: {type: 'rule', values: [rule]}})", rule
    )
    return bool(result["violations"])


def address(problem):
    story = StoryPage.objects.get(slug="getting-to-meetings-by-bus")
    state = WorkflowState.objects.filter(
        base_content_type__model="page", object_id=str(story.pk)
    ).first()
    return problem.where.format(
        story=story.pk,
        index=StoryIndexPage.objects.get(locale__language_code="en-gb").pk,
        workflow_state=state.pk,
        document=get_document_model().objects.first().pk,
    )


def open_screen(page, site, problem):
    page.set_viewport_size({"width": problem.width, "height": 800})
    helpers.admin_goto(page, site + address(problem))
    if problem.then_focus:
        page.get_by_role("button", name=problem.then).focus()
        expect(page.locator("[data-tippy-root]:visible")).to_be_visible()
    elif problem.then:
        page.get_by_role("button", name=problem.then).click()
        expect(page.get_by_role("dialog")).to_be_visible()
        page.wait_for_load_state("networkidle")


def block(page, problem):
    page.route(f"**/editor/{problem.asset}", lambda route: route.abort())


def test_wagtail_still_has_each_problem_the_editor_works_around(page, site):
    # One sign-in for them all: each problem is seen with its workaround,
    # then with the file that holds it blocked.
    helpers.sign_in(page, site, "lead@example.org", next_path="/admin/")
    not_worked_around, fixed_upstream = [], []
    for problem in SCRIPTED + STYLED:
        open_screen(page, site, problem)
        if rule_found(page, problem.rule):
            not_worked_around.append(problem.name)
        block(page, problem)
        open_screen(page, site, problem)
        if not rule_found(page, problem.rule):
            fixed_upstream.append(problem.name)
        page.unroute_all()
    assert not_worked_around == []
    # Wagtail has fixed these: remove their workarounds.
    assert fixed_upstream == []


INERT = "element => element.closest('[inert]') !== null"
FADE = "() => getComputedStyle(document.querySelector('.modal')).transitionDuration"
LEAVES_DIALOG = """() => {
    const dialog = document.querySelector(".modal[role=dialog]");
    const focused = document.activeElement;
    return focused !== document.body && !dialog.contains(focused);
}"""


def test_wagtail_s_chooser_still_leaves_the_page_behind_it_open_and_fades(page, site):
    """MODAL_BACKGROUND_INERT and MODAL_FADE: with the workarounds, the page
    behind an open chooser is inert and the chooser does not fade in for
    someone who asked for less motion; without them, Wagtail does both."""
    page.emulate_media(reduced_motion="reduce")
    helpers.sign_in(page, site, "member@example.org", next_path="/admin/")
    open_screen(page, site, MODAL_BACKGROUND)
    behind = page.locator("main").first
    assert behind.evaluate(INERT)
    assert page.evaluate(FADE) == "0s"
    page.get_by_role("dialog").get_by_role("tab", selected=True).focus()
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
        assert not page.evaluate(LEAVES_DIALOG), "the focus left the dialog"

    block(page, MODAL_BACKGROUND)
    block(page, MODAL_FADE)
    open_screen(page, site, MODAL_BACKGROUND)
    # Wagtail has fixed whichever fails: remove that workaround.
    assert not behind.evaluate(INERT), "MODAL_BACKGROUND_INERT"
    assert page.evaluate(FADE) != "0s", "MODAL_FADE"


# Each row of a page listing: is its title link in lines under 24 pixels
# tall, is it smaller than 24 pixels either way, does its "More options"
# button overlap it?
TITLE_TARGETS = """cells => cells.map(cell => {
    const link = cell.querySelector(".title-wrapper a").getBoundingClientRect();
    const lines = [...cell.querySelector(".title-wrapper a").getClientRects()];
    const button = cell.querySelector(".actions button").getBoundingClientRect();
    return {
        short_lines: lines.some(line => line.height < 24),
        small: link.width < 24 || link.height < 24,
        overlapped: !(button.left >= link.right || button.right <= link.left
            || button.top >= link.bottom || button.bottom <= link.top),
    };
})"""


def test_wagtail_s_listing_still_sets_its_row_button_in_among_a_title(page, site):
    """LISTING_TITLE_TARGET: with the workaround, at 320 CSS pixels every
    title in a page listing is one link at least 24 pixels square that its
    row's "More options" button does not cover; without it, Wagtail's wrapped
    titles are lines under 24 pixels tall with the button over them."""
    helpers.sign_in(page, site, "lead@example.org", next_path="/admin/")
    open_screen(page, site, LISTING_TITLE_TARGET)
    rows = page.eval_on_selector_all("td.title", TITLE_TARGETS)
    assert len(rows) > 5
    assert [row for row in rows if any(row.values())] == []

    block(page, LISTING_TITLE_TARGET)
    open_screen(page, site, LISTING_TITLE_TARGET)
    rows = page.eval_on_selector_all("td.title", TITLE_TARGETS)
    # Wagtail has fixed it when this fails: remove the workaround. (With
    # locales on, each title carries its language and the button no longer
    # lands on it; the wrapped lines under 24 pixels remain.)
    assert any(row["short_lines"] for row in rows)


# Each row of the document listing: its title link and its file name link,
# are they in lines under 24 pixels tall, or smaller than 24 pixels?
DOCUMENT_TARGETS = """rows => rows.map(row => [
    row.querySelector("td.title .title-wrapper a"),
    row.querySelector("td > a[download]"),
].map(link => ({
    short_lines: [...link.getClientRects()].some(line => line.height < 24),
    small: link.getBoundingClientRect().width < 24
        || link.getBoundingClientRect().height < 24,
})))"""


def document_links(page, site):
    open_screen(page, site, DOCUMENT_FILE_TARGET)
    rows = page.eval_on_selector_all("tbody tr:has(a[download])", DOCUMENT_TARGETS)
    return [link for row in rows for link in row]


def test_wagtail_s_document_listing_still_wraps_its_links_into_short_lines(page, site):
    """DOCUMENT_FILE_TARGET: with the workaround, at 320 CSS pixels every
    document's title and file name are each one link at least 24 pixels
    square; without it, they wrap into lines under 24 pixels tall."""
    helpers.sign_in(page, site, "lead@example.org", next_path="/admin/")
    links = document_links(page, site)
    assert len(links) > 10
    assert [link for link in links if any(link.values())] == []

    block(page, DOCUMENT_FILE_TARGET)
    # Wagtail has fixed it when this fails: remove the workaround.
    assert any(link["short_lines"] for link in document_links(page, site))
