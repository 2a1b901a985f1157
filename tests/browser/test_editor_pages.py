"""Every admin screen a member, a supporter or the lead reaches by links from
`/admin/` passes axe-core (the pinned release, GOV.UK's rule set) at desktop
width and at 320 CSS pixels, and no link they are offered answers with an
error.

A crawler signs in as each role and follows the admin's links breadth first,
one address of each shape (`/admin/pages/<n>/edit/`), so each kind of screen
is seen once per role. The screens that links alone do not reach (a form with
an error, the checks panel open, a preview, the multiple upload) are opened
by the journeys in test_editor_journey.py.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from library.models import ResourcePage
from stories.models import StoryPage

from . import BROWSER_TEST, helpers
from .axe import axe_violations

pytestmark = [*BROWSER_TEST, pytest.mark.timeout(900)]

ROLES = ["member@example.org", "member2@example.org", "lead@example.org"]
# Opened before the links, so the screens of a shape are seen in their
# fullest state: a story sent back with a comment, one with revisions to
# compare.
SEED_STORIES = {
    "member@example.org": "my-first-paid-meeting",
    "member2@example.org": "getting-to-meetings-by-bus",
    "lead@example.org": "getting-to-meetings-by-bus",
}
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}
# Links that end the visit, are files, or are operated by script: a bulk
# action's link is completed with the chosen rows' ids by Wagtail's script
# (members are never offered one: see the test below).
NOT_FOLLOWED = ("/admin/logout/", "/admin/bulk/", "/admin/jsi18n/")
MOST_PAGES = 80


@dataclass
class AdminScreen:
    role: str
    url: str
    status: int
    violations: dict = field(default_factory=dict)
    bulk_links: list = field(default_factory=list)
    checkboxes: int = 0


def shape(path):
    """An address with its numbers, its query and its page type left out:
    one template shows them all (a snippet's screens too)."""
    path = re.sub(r"\d+", "<n>", urlsplit(path).path)
    path = re.sub(r"/(usage|create)/\w+/\w+/", r"/\1/<type>/", path)
    # Every snippet's screens are Wagtail's same templates.
    return re.sub(r"^/admin/snippets/\w+/\w+/", "/admin/snippets/<type>/", path)


def look(page, role, path, status):
    screen = AdminScreen(role=role, url=path, status=status)
    screen.violations = look_at_both_widths(page)
    screen.bulk_links = page.eval_on_selector_all(
        "a[href*='/admin/bulk/']", "links => links.map(link => link.href)"
    )
    screen.checkboxes = page.locator(
        "[data-bulk-action-checkbox], [data-bulk-action-select-all-checkbox]"
    ).evaluate_all("boxes => boxes.filter(box => box.checkVisibility()).length")
    return screen


def crawl_admin(browser, site, role, shapes):
    context = browser.new_context(locale="en-GB", viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.emulate_media(reduced_motion="reduce")
    helpers.sign_in(page, site, role, next_path="/admin/")
    screens, seen = [], set()
    story = StoryPage.objects.get(slug=SEED_STORIES[role])
    seeds = [
        f"{site}/admin/pages/{story.pk}/{screen}/"
        for screen in ("history", "workflow_history", "edit")
    ]
    if role == "lead@example.org":  # the resource editor, with a course's steps
        resource = ResourcePage.objects.get(slug="co-production-in-five-steps")
        seeds.append(f"{site}/admin/pages/{resource.pk}/edit/")
    queue = [*seeds, site + "/admin/"]
    while queue and len(screens) < MOST_PAGES:
        url = queue.pop(0).split("#")[0]
        path = url.removeprefix(site)
        if url in seen or (shape(path) in shapes and url not in seeds):
            continue
        seen.add(url)
        shapes.add(shape(path))
        try:
            response = page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" in error.message:
                continue
            raise
        page.wait_for_load_state("networkidle")
        content_type = response.headers.get("content-type", "") if response else ""
        if (
            response
            and response.status < 400
            and not content_type.startswith("text/html")
        ):
            continue
        final = page.url.split("#")[0].removeprefix(site)
        if not final.startswith("/admin/"):
            continue
        shapes.add(shape(final))
        screens.append(look(page, role, path, response.status))
        for link in page.eval_on_selector_all(
            "a[href]:not([download])", "links => links.map(link => link.href)"
        ):
            link_path = link.removeprefix(site)
            if link.startswith(site + "/admin/") and not link_path.startswith(
                NOT_FOLLOWED
            ):
                queue.append(link)
    context.close()
    return screens


_CRAWLED: dict = {}


@pytest.fixture
def admin_screens(browser, site):
    if not _CRAWLED:
        # Members share what they can do, not what they have written: the
        # second member opens only screens the first did not reach.
        member_shapes = set()
        for role in ROLES:
            shapes = member_shapes if role.startswith("member") else set()
            _CRAWLED[role] = crawl_admin(browser, site, role, shapes)
    return _CRAWLED


def test_the_crawl_reaches_the_screens_members_write_in(admin_screens):
    member = {
        shape(screen.url)
        for role in ("member@example.org", "member2@example.org")
        for screen in admin_screens[role]
    }
    for expected in [
        "/admin/",
        "/admin/pages/<n>/",
        "/admin/pages/add/stories/storypage/<n>/",
        "/admin/pages/add/library/resourcepage/<n>/",
        "/admin/pages/<n>/edit/",
        "/admin/pages/<n>/edit/preview/",
        "/admin/pages/<n>/history/",
        "/admin/pages/<n>/workflow_history/",
        "/admin/pages/<n>/workflow_history/detail/<n>/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/media/",
        "/admin/media/video/add/",
    ]:
        assert expected in member, (expected, sorted(member))
    lead = {shape(screen.url) for screen in admin_screens["lead@example.org"]}
    assert {"/admin/call-backs/", "/admin/emails/", "/admin/reports/workflow/"} <= lead


def test_every_admin_screen_has_no_axe_violations(admin_screens):
    found = [
        f"{screen.role} {screen.url} [{width}]: {line}"
        for screens in admin_screens.values()
        for screen in screens
        for width, lines in screen.violations.items()
        for line in lines
    ]
    assert found == []


def test_no_link_in_the_editor_answers_with_an_error(admin_screens):
    errors = [
        f"{screen.role} {screen.url}: {screen.status}"
        for screens in admin_screens.values()
        for screen in screens
        if screen.status >= 400
    ]
    assert errors == []


def test_members_are_offered_no_bulk_action_the_lead_is(admin_screens):
    offered = [
        f"{screen.role} {screen.url}: {link}"
        for role in ("member@example.org", "member2@example.org")
        for screen in admin_screens[role]
        for link in screen.bulk_links
    ]
    assert offered == []
    # Nor rows to select for them.
    assert [
        screen.url
        for role in ("member@example.org", "member2@example.org")
        for screen in admin_screens[role]
        if screen.checkboxes
    ] == []
    assert any(screen.checkboxes for screen in admin_screens["lead@example.org"])
    lead_links = {
        link
        for screen in admin_screens["lead@example.org"]
        for link in screen.bulk_links
    }
    assert any("/admin/bulk/wagtailcore/page/publish/" in link for link in lead_links)
    assert any("/admin/bulk/wagtailimages/image/delete/" in link for link in lead_links)


def look_at_both_widths(page):
    found = {}
    for name, size in (("desktop", DESKTOP), ("320 px", PHONE)):
        page.set_viewport_size(size)
        if lines := axe_violations(page):
            found[name] = lines
    page.set_viewport_size(DESKTOP)
    return found


def test_a_comparison_and_a_preview_in_the_reader_s_settings_pass_axe(page, site):
    """Two screens links reach only in some states: two versions compared,
    and a preview (our page, in the reader's settings, inside the admin)."""
    story = StoryPage.objects.get(slug="a-break-for-me-when-i-care-all-day")
    draft = story.get_latest_revision_as_object()
    draft.summary = "Small things that help me get a break, and where to find them."
    draft.save_revision(user=story.owner, log_action=True)
    page.emulate_media(reduced_motion="reduce")
    helpers.sign_in(page, site, story.owner.email, next_path="/admin/")
    first = story.revisions.order_by("created_at").first()
    # What "Compare with current version" in the history's row menu opens.
    helpers.admin_goto(
        page, f"{site}/admin/pages/{story.pk}/revisions/compare/{first.pk}...latest/"
    )
    expect(page.get_by_text("and where to find them")).to_be_visible()
    assert look_at_both_widths(page) == {}

    for name, value in [("contrast", "high"), ("text_size", "largest")]:
        page.goto(site + "/reader-settings/?next=/")
        page.locator(f'input[name="{name}"][value="{value}"]').check()
        page.get_by_role("button", name="Save my reader settings").click()
        page.goto(f"{site}/admin/pages/{story.pk}/view_draft/")
        html_class = page.locator("html").get_attribute("class")
        assert f"pref-{name.replace('_', '-')}-{value}" in html_class
        expect(page.get_by_role("heading", level=1)).to_have_text(story.title)
        assert look_at_both_widths(page) == {}, name
