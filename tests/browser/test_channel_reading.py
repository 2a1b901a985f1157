"""Issue 20, line 1: the channel with each reader setting (text size,
contrast, font, motion) passes axe, a post and its reply form still fitting
320 CSS pixels; and the lead's flagged posts, read and left up by keyboard.
One sign-in each."""

from playwright.sync_api import expect

from channel.models import Topic

from . import BROWSER_TEST, helpers
from .axe import axe_violations
from .test_accessibility import PREFERENCE_CHOICES, choose_preference

pytestmark = BROWSER_TEST


def test_the_channel_reads_with_each_reader_setting(page, site):
    away_day = Topic.objects.get(title__startswith="The staff away day")
    helpers.sign_in(page, site, "member2@example.org")
    failures = {}
    for name, value in PREFERENCE_CHOICES:
        choose_preference(page, site, name, value)
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 900})
            for path in ("/members/channel/", f"/members/channel/{away_day.pk}/"):
                page.goto(site + path)
                if violations := axe_violations(page):
                    failures[(name, width, path)] = violations
                if not page.evaluate(helpers.NO_HORIZONTAL_SCROLL):
                    failures[(name, width, path)] = "scrolls sideways"
        page.set_viewport_size({"width": 1280, "height": 900})
    assert failures == {}
    expect(page.get_by_label("Your reply")).to_be_visible()


def test_the_lead_reads_a_flag_and_leaves_the_post_up_by_keyboard(page, site):
    helpers.sign_in(page, site, "lead@example.org")
    page.goto(site + "/members/channel/")
    page.get_by_role("link", name="Flagged posts (1)").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Flagged posts")
    expect(page.get_by_text("The old room has no lift")).to_be_visible()
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate(helpers.NO_HORIZONTAL_SCROLL), width
        assert axe_violations(page) == [], width
    page.get_by_role("button", name="Leave it up").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("No flagged posts are waiting for you.")).to_be_visible()
    expect(page.get_by_text("The post stays up.")).to_be_visible()
    assert axe_violations(page) == []
