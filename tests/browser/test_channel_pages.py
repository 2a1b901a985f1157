"""Issue 20, line 1 in the browser: the channel's topics, a topic (with a
post the lead hid, read by its writer) and the start form refused without a
title pass axe at 1280 and 320 CSS pixels without scrolling sideways; then,
by keyboard only, a member starts a topic and staff reply. Two sign-ins."""

from playwright.sync_api import expect

from channel.models import Topic

from . import BROWSER_TEST, helpers
from .axe import axe_violations

pytestmark = BROWSER_TEST

WIDTHS = (1280, 320)
NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def check(page, site, path, heading):
    """The page at each width: its heading, nothing scrolling sideways, and
    no axe violation. `path` None checks the page already open."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        if path:
            page.goto(site + path)
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert page.evaluate(NO_HORIZONTAL_SCROLL), (page.url, width)
        assert axe_violations(page) == [], (page.url, width)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_channel_reads_at_both_widths_and_works_by_keyboard(page, site):
    panels = Topic.objects.get(title__startswith="Recruitment panels")

    # Dafydd reads the channel, and the reason the lead hid his post.
    helpers.sign_in(page, site, "member@example.org")
    check(page, site, "/members/channel/", "The channel")
    check(page, site, f"/members/channel/{panels.pk}/", "Recruitment panels")
    expect(page.get_by_text("It names a candidate")).to_be_visible()
    check(page, site, "/members/channel/add/", "Start a topic")

    # By keyboard: no title is refused beside the field, the post kept.
    page.get_by_label("Title").focus()
    page.keyboard.press("Tab")
    page.keyboard.type("Could the away day include a quiet room?")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    check(page, site, None, "Start a topic")
    expect(page.get_by_label("Title")).to_have_accessible_description(
        "In a few words, what is it about? Error: Give the topic a title."
    )
    expect(page.get_by_label("Your first post")).to_have_value(
        "Could the away day include a quiet room?"
    )
    page.get_by_label("Title").focus()
    page.keyboard.type("A quiet room at the away day")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "A quiet room at the away day"
    )
    helpers.sign_out(page)

    # Tom, staff, finds it marked new and replies, by keyboard.
    helpers.sign_in(page, site, "staff@example.org")
    page.goto(site + "/members/channel/")
    topic = page.get_by_role("listitem").filter(has_text="A quiet room")
    expect(topic).to_contain_text("New posts")
    topic.get_by_role("link", name="A quiet room at the away day").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Your reply").focus()
    page.keyboard.type("Yes: room 2 will be kept quiet all day.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Yes: room 2 will be kept quiet all day.")).to_be_visible()
    expect(page.get_by_text("Dafydd Pryce", exact=True)).to_be_visible()
    check(page, site, None, "A quiet room at the away day")
