"""Issue 19, line 1 in the browser: the public "What we did" pages, the
lead's meetings log (its list, a meeting, the form with an error) and a
member's meetings pass axe at 1280 and 320 CSS pixels; the lead adds a
meeting with two outcomes by keyboard alone. Two sign-ins in all."""

from playwright.sync_api import expect

from impact.models import Meeting

from . import BROWSER_TEST, helpers
from .axe import axe_violations

pytestmark = BROWSER_TEST

PUBLIC_MEETING = "/what-we-did/meeting-2-understanding-evidence-2023/"


def accessible_at_both_widths(page, site, path, heading):
    """Open the page (or stay on it, path=None): its heading, no axe
    violations at 1280 and at 320 CSS pixels, nothing scrolling sideways."""
    page.set_viewport_size({"width": 1280, "height": 800})
    if path:
        page.goto(site + path)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    assert axe_violations(page) == [], page.url
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"
    ), page.url
    assert axe_violations(page) == [], f"{page.url} at 320 px"
    page.set_viewport_size({"width": 1280, "height": 800})


def keyboard_fill(page, label, text):
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def tick(where, label):
    """Go to a checkbox or radio (focus it) and press Space."""
    box = where.get_by_label(label, exact=True)
    box.focus()
    box.page.keyboard.press("Space")
    expect(box).to_be_checked()


def test_meetings_pages_are_accessible_and_a_meeting_is_added_by_keyboard(page, site):
    # The public site: a list of public meetings and one of them.
    accessible_at_both_widths(page, site, "/what-we-did/", "What we did")
    page.get_by_role("link", name="Meeting 2: understanding evidence").click()
    accessible_at_both_widths(page, site, None, "Meeting 2: understanding evidence")
    expect(page.get_by_role("main")).not_to_contain_text("professor")

    # The lead: the log, a meeting, the form sent without a date or title.
    helpers.sign_in(page, site, "lead@example.org")
    page.get_by_role("navigation", name="Members' area").get_by_role(
        "link", name="Meetings"
    ).click()
    accessible_at_both_widths(page, site, None, "Meetings log")
    page.get_by_role("link", name="Meeting 1: facilitator models").click()
    accessible_at_both_widths(page, site, None, "Meeting 1: facilitator models")
    expect(page.get_by_text("Members there")).to_be_visible()

    page.goto(site + "/members/meetings/manage/")
    add = page.get_by_role("link", name="Add a meeting")
    add.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a meeting")
    keyboard_fill(page, "The question put to the group", "What should we ask?")
    page.get_by_role("button", name="Save the meeting").focus()
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Enter the date of the meeting.")
    expect(alert).to_contain_text("Give the meeting a title.")
    expect(page.get_by_label("The question put to the group")).to_have_value(
        "What should we ask?"
    )
    accessible_at_both_widths(page, site, None, "Add a meeting")

    # Put it right with the keyboard alone, adding a line for a second outcome.
    alert.get_by_role("link", name="Title: Give the meeting a title.").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Title", exact=True)).to_be_focused()
    page.keyboard.type("Coffee and co-production")
    keyboard_fill(page, "Date", "06022024")
    tick(page, "Development session")
    led = page.get_by_role("group", name="Members who led it")
    tick(led, "Dafydd Pryce (Wales)")
    there = page.get_by_role("group", name="Members who were there")
    tick(there, "Dafydd Pryce (Wales)")
    tick(there, "Niamh Rafferty (Northern Ireland)")
    page.locator("#id_outcomes-0-text").focus()
    page.keyboard.type("A monthly coffee morning online.")
    page.keyboard.press("Tab")
    expect(page.locator("#id_outcomes-0-from_whom")).to_be_focused()
    page.keyboard.type("Niamh")
    page.get_by_role("button", name="Add another outcome").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("group", name="Outcome 4")).to_be_visible()
    expect(page.locator("#id_outcomes-0-text")).to_have_value(
        "A monthly coffee morning online."
    )
    expect(page.get_by_label("Title", exact=True)).to_have_value(
        "Coffee and co-production"
    )
    page.locator("#id_outcomes-3-text").focus()
    page.keyboard.type("Notes in Easy Read afterwards.")
    page.get_by_label("Title", exact=True).focus()
    page.keyboard.press("Enter")  # Enter in a box saves the meeting
    expect(page.get_by_role("status")).to_contain_text(
        "Saved “Coffee and co-production”."
    )
    meeting = Meeting.objects.get(title="Coffee and co-production")
    assert [o.text for o in meeting.outcomes.all()] == [
        "A monthly coffee morning online.",
        "Notes in Easy Read afterwards.",
    ]
    assert meeting.question == "What should we ask?"
    assert meeting.is_development_session
    helpers.sign_out(page)

    # A member: the meetings they were part of, and one of them.
    helpers.sign_in(page, site, "member@example.org")
    page.get_by_role("navigation", name="Members' area").get_by_role(
        "link", name="Meetings"
    ).click()
    accessible_at_both_widths(page, site, None, "Meetings you were part of")
    page.get_by_role("link", name="Coffee and co-production").click()
    accessible_at_both_widths(page, site, None, "Coffee and co-production")
    expect(page.get_by_role("main")).to_contain_text("Niamh Rafferty")
