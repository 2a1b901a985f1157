"""Issue 20, line 3 in the browser: the public "What we are working on" and
a public project, then Dafydd's dashboard (Your projects), the projects list
and a project page, where he stops following it and follows it again;
staff's add form refused without a name, and an update posted by keyboard
alone. Each page passes axe at 1280
and 320 CSS pixels without scrolling sideways. One sign-in per test."""

from playwright.sync_api import expect

from projects.models import Project

from . import BROWSER_TEST, helpers

pytestmark = BROWSER_TEST


def test_public_pages_and_a_member_s_projects(page, site):
    panels = Project.objects.get(slug="recruitment-panels")
    helpers.check(page, site, "/what-we-are-working-on/", "What we are working on")
    expect(page.get_by_text("Policy and practice roundtables")).to_have_count(0)
    helpers.check(
        page, site, "/what-we-are-working-on/recruitment-panels/", "Recruitment"
    )
    expect(page.get_by_text("Updates from the team")).to_be_visible()

    helpers.sign_in(page, site, "member@example.org")
    helpers.check(page, site, "/members/", "Hello")
    section = page.get_by_role("region", name="Your projects")
    expect(section).to_contain_text("The short guide for new panel members")
    helpers.check(page, site, "/members/projects/", "Projects")
    helpers.check(page, site, f"/members/projects/{panels.pk}/", "Recruitment panels")
    # He follows it already (the demo): he stops, and follows again.
    page.get_by_role("button", name="Stop following").click()
    page.get_by_role("button", name="Follow this project").click()
    expect(page.get_by_role("button", name="Stop following")).to_be_visible()
    helpers.check(page, site, None, "Recruitment panels")


def test_staff_keep_a_project_by_keyboard(page, site):
    panels = Project.objects.get(slug="recruitment-panels")
    helpers.sign_in(page, site, "staff@example.org")
    helpers.check(page, site, "/members/projects/add/", "Add a project")
    page.get_by_role("button", name="Save the project").click()
    helpers.check(page, site, None, "Add a project")
    expect(page.get_by_label("Name", exact=True)).to_have_accessible_description(
        "Error: Give the project a name."
    )

    # An update, by keyboard alone, from the project page.
    page.goto(f"{site}/members/projects/{panels.pk}/")
    page.get_by_role("link", name="Post an update").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Post an update")
    helpers.check(page, site, None, "Post an update")
    page.get_by_label("The update").focus()
    page.keyboard.type("The panel for the new director meets on 3 June.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Recruitment panels")
    expect(
        page.get_by_text("The panel for the new director meets on 3 June.")
    ).to_be_visible()
