"""Issue 19, line 4 in the browser: "were we heard?" answered with the
keyboard alone (Tab into each question, arrow keys to move, Space to choose,
Enter to send), and its pages passing axe at 1280 and 320 CSS pixels: the
answer screen blank, with an error and answered, and the lead's screen for
writing answers down on a call. One sign-in per role."""

from playwright.sync_api import expect

from impact.models import HeardAnswer, Meeting
from impact.questions import QUESTIONS
from tests.people import person

from . import BROWSER_TEST, helpers
from .axe import axe_violations

pytestmark = BROWSER_TEST

# A demo meeting Dafydd (member@) was at and has not answered about.
UNANSWERED = "Reflections on our first year"


def accessible_at_both_widths(page, heading):
    """The page's heading, no axe violations at 1280 and at 320 CSS pixels,
    nothing scrolling sideways."""
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    assert axe_violations(page) == [], page.url
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"
    ), page.url
    assert axe_violations(page) == [], f"{page.url} at 320 px"
    page.set_viewport_size({"width": 1280, "height": 800})


def test_a_member_answers_the_four_questions_by_keyboard(page, site):
    meeting = Meeting.objects.get(title=UNANSWERED)
    helpers.sign_in(page, site, "member@example.org")
    page.goto(f"{site}/members/heard/meeting/{meeting.pk}/")
    accessible_at_both_widths(page, f"Were you heard? {UNANSWERED}")
    for question in QUESTIONS:
        group = page.get_by_role("group", name=question.words)
        expect(group).to_contain_text(f"In Easy Read: {question.easy_read}")

    # Sent with nothing chosen: the message is next to the first question.
    page.get_by_role("button", name="Send the answers").focus()
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Answer at least one question")
    accessible_at_both_widths(page, f"Were you heard? {UNANSWERED}")

    # From the error's link into the first question, then the keyboard alone.
    alert.get_by_role("link").focus()
    page.keyboard.press("Enter")
    first = page.get_by_role("group", name=QUESTIONS[0].words)
    expect(first.get_by_label("Not at all", exact=True)).to_be_focused()
    page.keyboard.press("Space")  # 1, then the arrow moves and chooses: 4
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(first.get_by_label("Mostly", exact=True)).to_be_checked()
    choices = {1: "Partly", 2: "Completely", 3: "About half"}
    for number, words in choices.items():
        # Tab leaves a group and enters the next at its first answer.
        page.keyboard.press("Tab")
        group = page.get_by_role("group", name=QUESTIONS[number].words)
        expect(group.get_by_label("Not at all", exact=True)).to_be_focused()
        while not group.get_by_label(words, exact=True).evaluate(
            "el => el === document.activeElement"
        ):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Space")
        expect(group.get_by_label(words, exact=True)).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Anything else you want to tell us")).to_be_focused()
    page.keyboard.type("Thank you for the tea.")
    page.keyboard.press("Shift+Tab")  # back to the last question
    page.keyboard.press("Enter")  # Enter in the form sends it

    expect(page.get_by_role("status")).to_contain_text("Thank you.")
    answer = HeardAnswer.objects.get(meeting=meeting, member=person())
    assert (
        answer.heard,
        answer.difference,
        answer.ways_of_working,
        answer.took_part,
        answer.comment,
    ) == (4, 3, 5, 3, "Thank you for the tea.")
    expect(page.get_by_role("main")).to_contain_text("What you answered")
    accessible_at_both_widths(page, f"Were you heard? {UNANSWERED}")
    helpers.sign_out(page)

    # The lead writes Niamh's answers down on a call.
    helpers.sign_in(page, site, "lead@example.org")
    niamh = person("member2@example.org")
    page.goto(f"{site}/members/heard/manage/meeting/{meeting.pk}/{niamh.pk}/")
    accessible_at_both_widths(page, "Niamh Rafferty's answers")
    page.get_by_role("button", name="Save their answers").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Answer at least one question")
    accessible_at_both_widths(page, "Niamh Rafferty's answers")
    page.goto(f"{site}/members/meetings/manage/{meeting.pk}/")
    accessible_at_both_widths(page, UNANSWERED)
    expect(page.get_by_role("main")).to_contain_text("Thank you for the tea.")
