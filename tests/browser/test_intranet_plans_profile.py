"""Plans, profiles, the team CV, supporters and "another format": every
page passes axe-core, and a member adds a goal to their plan by keyboard."""

from playwright.sync_api import expect

from members.models import User
from members.services import supporter_name
from plans.models import DevelopmentPlan

from . import BROWSER_TEST, helpers
from .axe import axe_violations
from .helpers import assert_accessible, sign_out

pytestmark = BROWSER_TEST


def test_a_member_adds_a_goal_to_their_plan_by_keyboard(page, site):
    helpers.sign_in(page, site, "member@example.org")
    assert_accessible(page, "/members/", site, "Hello Dafydd")
    expect(page.get_by_role("heading", name="Plan review coming up")).to_be_visible()
    page.get_by_role("link", name="My plan").focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "My development plan")

    page.get_by_role("link", name="Add a goal").focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "Add a goal")
    # Steps first, no goal: the mistake is explained and the steps are kept.
    page.get_by_label("Steps to get there").focus()
    page.keyboard.type("Find a course")
    page.get_by_role("button", name="Save the goal").focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "Add a goal")
    expect(page.get_by_label("Steps to get there")).to_have_value("Find a course")

    page.get_by_role("link", name="Goal: Write your goal in a few words.").focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Learn to edit video")
    page.get_by_label("In progress").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save the goal").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Learn to edit video")
    expect(
        page.get_by_role("heading", name="Learn to edit video", level=3)
    ).to_be_visible()
    assert axe_violations(page) == []

    # A review date in the past is kept, with a warning.
    page.get_by_label("Next review").fill("2020-01-31")
    page.get_by_role("button", name="Save the review date").click()
    expect(page.get_by_text("has already passed. It is saved").first).to_be_visible()
    assert axe_violations(page) == []

    plan = DevelopmentPlan.objects.get(owner__email="member@example.org")
    assert_accessible(page, f"/members/plans/{plan.pk}/print/", site, "Development")
    goal = plan.goals.get(title="Learn to edit video")
    assert_accessible(
        page, f"/members/plans/{plan.pk}/goals/{goal.pk}/remove/", site, "Remove"
    )


def test_the_lead_s_plans_requests_and_team_cv(page, site):
    helpers.sign_in(page, site, "lead@example.org")
    assert_accessible(page, "/members/", site, "Hello Morwenna")
    expect(page.get_by_role("heading", name="Plans to review")).to_be_visible()
    expect(page.get_by_role("heading", name="Paused")).to_be_visible()
    assert_accessible(page, "/members/plans/manage/", site, "Development plans")
    page.get_by_role("link", name="Dafydd Pryce").click()
    assert_accessible(page, page.url, site, "Dafydd Pryce's development plan")
    page.get_by_label("Date of the review").fill("")
    page.get_by_role("button", name="Record the review").click()
    assert_accessible(page, page.url, site, "Dafydd Pryce's development plan")
    expect(page.get_by_text("Enter the date of the review.").first).to_be_visible()

    assert_accessible(page, "/members/format-requests/manage/", site, "another format")
    page.get_by_role(
        "button", name="Mark Pat (a visitor)'s request as answered"
    ).click()
    expect(page.get_by_role("status")).to_contain_text("Marked as answered")
    assert_accessible(
        page, "/members/format-requests/manage/?show=answered", site, "another format"
    )
    assert_accessible(page, "/members/people/team-cv/", site, "Team CV")
    sign_out(page)

    helpers.sign_in(page, site, "staff@example.org")
    assert_accessible(page, "/members/people/team-cv/", site, "Team CV")
    page.get_by_label("Skill").select_option(label="Welsh language")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("heading", name="Dafydd Pryce")).to_be_visible()
    expect(page.get_by_role("heading", name="Grace Okafor")).to_have_count(0)
    assert axe_violations(page) == []
    page.get_by_role("link", name="Printable one-page team CV").click()
    assert_accessible(page, page.url, site, "team CV")


def test_a_member_s_profile_and_pause(page, site):
    helpers.sign_in(page, site, "member2@example.org")
    assert_accessible(page, "/members/profile/", site, "My profile")
    for section, heading in [
        ("about", "About you"),
        ("support", "Access and support needs"),
        ("sharing", "What others may see"),
        ("skills", "Skills for the team CV"),
    ]:
        assert_accessible(page, f"/members/profile/{section}/", site, heading)

    assert_accessible(
        page, "/members/profile/contact/edit/", site, "How to contact you"
    )
    page.get_by_label("Phone number").fill("")
    page.get_by_role("button", name="Save").click()
    assert_accessible(page, page.url, site, "How to contact you")
    expect(page.get_by_text("Add a phone number").first).to_be_visible()

    assert_accessible(page, "/members/profile/pause/", site, "Pause your membership")
    page.get_by_label("Yes").check()
    page.get_by_label("When do you expect to be back?").fill("2020-01-01")
    page.get_by_role("button", name="Save").click()
    assert_accessible(page, page.url, site, "Pause your membership")
    page.get_by_label("When do you expect to be back?").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("You are paused")
    assert axe_violations(page) == []

    assert_accessible(
        page, "/members/profile/supporters/add/", site, "Name a supporter"
    )
    page.get_by_label("Their first name").fill("Gwen")
    page.get_by_role("button", name="Ask them").click()
    assert_accessible(page, page.url, site, "Name a supporter")
    expect(page.get_by_label("Their first name")).to_have_value("Gwen")
    page.get_by_label("Their email address").fill("gwen@example.net")
    page.get_by_role("button", name="Ask them").click()
    assert_accessible(page, page.url, site, "My profile")
    expect(page.get_by_role("status")).to_contain_text(
        "We have asked Gwen to be your supporter"
    )
    expect(page.get_by_text("Waiting for Gwen to agree")).to_be_visible()

    assert_accessible(page, "/another-format/?page=/", site, "another format")
    page.get_by_label("How can we reach you?").fill("")
    page.get_by_role("button", name="Send the request").click()
    assert_accessible(page, page.url, site, "another format")
    page.get_by_label("Easy Read").check()
    page.get_by_label("How can we reach you?").fill("niamh@example.org")
    page.get_by_role("button", name="Send the request").click()
    assert_accessible(page, page.url, site, "your request is sent")


def test_a_supporter_acts_for_a_member(page, site):
    helpers.sign_in(page, site, "supporter@example.org")
    assert_accessible(page, "/members/", site, "Hello Aoife")
    page.get_by_role("button", name="Act for Niamh Rafferty").focus()
    page.keyboard.press("Enter")
    banner = page.get_by_role("region", name="Acting for someone")
    expect(banner).to_contain_text("You are acting for Niamh Rafferty")
    assert axe_violations(page) == []
    page.get_by_role("link", name="My plan").click()
    assert_accessible(page, page.url, site, "Niamh Rafferty's development plan")
    assert_accessible(page, "/members/profile/", site, "Niamh Rafferty's profile")
    page.get_by_role("button", name="Stop acting for Niamh").click()
    expect(banner).to_have_count(0)


def test_someone_asked_to_be_a_supporter_agrees_by_keyboard(page, site):
    supporter_name(
        member=User.objects.get(email="member@example.org"),
        email="supporter@example.org",
        first_name="Aoife",
    )
    helpers.sign_in(page, site, "supporter@example.org")
    assert_accessible(page, "/members/", site, "Hello Aoife")
    expect(page.get_by_role("button", name="Act for Dafydd Pryce")).to_have_count(0)
    page.get_by_role("link", name="What this means for Dafydd Pryce").focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "Be Dafydd Pryce's supporter?")
    page.get_by_role("button", name="Yes, I will support Dafydd Pryce").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("You can now act for")
    expect(page.get_by_role("button", name="Act for Dafydd Pryce")).to_be_visible()
    assert axe_violations(page) == []


def test_someone_asked_says_no_without_javascript(page_without_js, site):
    page = page_without_js
    supporter_name(
        member=User.objects.get(email="member@example.org"),
        email="supporter@example.org",
        first_name="Aoife",
    )
    helpers.sign_in(page, site, "supporter@example.org")
    page.goto(site + "/members/")
    page.get_by_role("button", name="No, not for Dafydd Pryce").click()
    expect(page.get_by_role("status")).to_contain_text("You have said no")
    expect(page.get_by_role("heading", name="Asked to be a supporter")).to_have_count(0)


def test_anyone_asks_for_another_format_without_javascript(page_without_js, site):
    # axe-core needs JavaScript: these pages are checked with it above.
    page = page_without_js
    heading = page.get_by_role("heading", level=1)
    page.goto(site + "/stories/")
    page.get_by_role("link", name="Ask for this page in another format").click()
    expect(heading).to_have_text("Ask for this in another format")
    page.get_by_label("Your name").fill("Pat")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Choose a format.").first).to_be_visible()
    expect(page.get_by_label("Your name")).to_have_value("Pat")
    page.get_by_label("Large print").check()
    page.get_by_label("How can we reach you?").fill("pat@example.net")
    page.get_by_role("button", name="Send the request").click()
    expect(heading).to_contain_text("your request is sent")
    page.get_by_role("link", name="Back to the page you were on").click()
    expect(heading).to_have_text("Stories")
