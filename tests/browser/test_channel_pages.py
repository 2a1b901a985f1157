"""Issue 20, lines 1 and 2 in the browser: the channel's topics, a topic
(with a post the lead hid, read by its writer) and the start form refused
without a title pass axe at 1280 and 320 CSS pixels without scrolling
sideways; then, by keyboard only, a member starts a topic (and so follows
it), staff reply from a second browser, and the member finds the reply in
their notifications, follows its link and reads it, the topic page saying
in words that they follow it (Stop following and Follow again work by
keyboard too). Two sign-ins."""

from playwright.sync_api import expect

from channel.models import Topic

from . import BROWSER_TEST, helpers

pytestmark = BROWSER_TEST


def test_the_channel_reads_at_both_widths_and_works_by_keyboard(page, site, browser):
    panels = Topic.objects.get(title__startswith="Recruitment panels")

    # Dafydd reads the channel, and the reason the lead hid his post.
    helpers.sign_in(page, site, "member@example.org")
    helpers.check(page, site, "/members/channel/", "The channel")
    helpers.check(page, site, f"/members/channel/{panels.pk}/", "Recruitment panels")
    expect(page.get_by_text("It names a candidate")).to_be_visible()
    helpers.check(page, site, "/members/channel/add/", "Start a topic")

    # By keyboard: no title is refused beside the field, the post kept.
    page.get_by_label("Title").focus()
    page.keyboard.press("Tab")
    page.keyboard.type("Could the away day include a quiet room?")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    helpers.check(page, site, None, "Start a topic")
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
    expect(
        page.get_by_text("You follow this topic: new posts reach you")
    ).to_be_visible()

    # Tom, staff, in his own browser, finds it marked new and replies, by
    # keyboard.
    staff_context = browser.new_context(locale="en-GB")
    staff = staff_context.new_page()
    staff.set_default_timeout(15_000)
    helpers.sign_in(staff, site, "staff@example.org")
    staff.goto(site + "/members/channel/")
    topic = staff.get_by_role("listitem").filter(has_text="A quiet room")
    expect(topic).to_contain_text("New posts")
    topic.get_by_role("link", name="A quiet room at the away day").focus()
    staff.keyboard.press("Enter")
    staff.get_by_label("Your reply").focus()
    staff.keyboard.type("Yes: room 2 will be kept quiet all day.")
    staff.keyboard.press("Tab")
    staff.keyboard.press("Enter")
    expect(staff.get_by_text("Yes: room 2 will be kept quiet all day.")).to_be_visible()
    expect(staff.get_by_text("Dafydd Pryce", exact=True)).to_be_visible()
    helpers.check(staff, site, None, "A quiet room at the away day")
    staff_context.close()

    # Dafydd follows the topic he started: the reply is in his notifications.
    # He follows its link by keyboard and reads it.
    helpers.check(page, site, "/members/notifications/", "Notifications")
    link = page.get_by_role("link", name="New post in “A quiet room at the away day”")
    link.focus()
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "A quiet room at the away day"
    )
    expect(page.get_by_text("Yes: room 2 will be kept quiet all day.")).to_be_visible()
    expect(
        page.get_by_text("You follow this topic: new posts reach you")
    ).to_be_visible()
    helpers.check(page, site, None, "A quiet room at the away day")

    # He stops following it, and follows it again, by keyboard.
    page.get_by_role("button", name="Stop following this topic").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("You do not follow this topic.")).to_be_visible()
    page.get_by_role("button", name="Follow this topic").focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_text("You follow this topic: new posts reach you")
    ).to_be_visible()
