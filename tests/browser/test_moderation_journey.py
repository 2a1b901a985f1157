"""The whole publishing journey in a browser: a member writes, the lead asks
for a change, the member fixes it, the lead publishes. And the admin screens
this project customises pass axe-core."""

import re

from playwright.sync_api import expect
from wagtail.models import WorkflowState

from stories.models import StoryPage

from . import BROWSER_TEST, helpers
from .axe import axe_violations

pytestmark = BROWSER_TEST

VIDEO = "Carers Week interview (demo clip)"
CHANGE = "Please say who looked after your dad while you were away."


def sign_in(page, site, email):
    # Without transitions axe never measures a colour half-way through a fade.
    page.emulate_media(reduced_motion="reduce")
    helpers.sign_in(page, site, email, next_path="/admin/")
    expect(page.get_by_role("heading", name="Share your experience")).to_be_visible()


def workflow_status(page):
    return WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(page.pk)
    ).status


def sign_out(page, site):
    page.context.clear_cookies()


def write_story(page, title, alt_text):
    page.get_by_role("link", name="Write a story").click()
    page.get_by_role("textbox", name="Title").fill(title)
    page.locator("#id_kind").select_option("video")
    page.locator("#id_summary").fill("What three days off meant to us.")
    page.locator("#id_media").select_option(label=VIDEO)
    page.get_by_role("button", name="Choose an image").click()
    page.get_by_role("link", name="Easy Read picture 1").click()
    expect(page.locator(".modal")).to_have_count(0)
    page.locator("#id_hero_alt").fill(alt_text)


def footer_action(page, name):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=name).click()


def test_a_story_goes_from_a_member_through_the_lead_to_the_public(page, site):
    sign_in(page, site, "member@example.org")
    assert axe_violations(page) == []
    write_story(page, "Our week of respite", "Coloured circles on a green square")
    assert axe_violations(page) == []
    footer_action(page, "Submit to Moderation")
    expect(page.get_by_text("submitted for moderation")).to_be_visible()
    helpers.settle(page)
    story = StoryPage.objects.get(title="Our week of respite")
    assert not story.live

    # The lead asks for a change, with a comment.
    sign_out(page, site)
    sign_in(page, site, "lead@example.org")
    helpers.admin_goto(page, f"{site}/admin/pages/{story.pk}/edit/")
    expect(
        page.get_by_role("heading", name="Checks before it goes live")
    ).to_be_visible()
    assert axe_violations(page) == []
    footer_action(page, "Request changes")
    dialog = page.get_by_role("dialog")
    assert axe_violations(page) == []
    dialog.get_by_label("Comment").fill(CHANGE)
    dialog.get_by_role("button", name="Request changes").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    helpers.settle(page)
    assert workflow_status(story) == WorkflowState.STATUS_NEEDS_CHANGES

    # The member reads the comment, fixes the story and sends it again.
    sign_out(page, site)
    sign_in(page, site, "member@example.org")
    page.goto(site + "/members/notifications/")
    expect(page.get_by_text(CHANGE)).to_be_visible()
    helpers.admin_goto(page, f"{site}/admin/pages/{story.pk}/edit/")
    page.locator("#id_summary").fill("Three days off, and who looked after Dad.")
    footer_action(page, "Resubmit to Engagement lead review")
    expect(page.get_by_text("submitted for moderation")).to_be_visible()
    helpers.settle(page)
    assert workflow_status(story) == WorkflowState.STATUS_IN_PROGRESS

    # The lead approves, and the story is public.
    sign_out(page, site)
    sign_in(page, site, "lead@example.org")
    helpers.admin_goto(page, f"{site}/admin/pages/{story.pk}/edit/")
    footer_action(page, "Approve and Publish")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect(page.get_by_text("has been updated")).to_be_visible()
    helpers.settle(page)
    story.refresh_from_db()
    assert story.live
    assert story.summary == "Three days off, and who looked after Dad."

    sign_out(page, site)
    page.goto(site + story.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Our week of respite")
    expect(page.get_by_alt_text("Coloured circles on a green square")).to_be_visible()
    assert axe_violations(page) == []


def test_a_picture_without_a_description_is_refused_next_to_the_field(page, site):
    sign_in(page, site, "member@example.org")
    write_story(page, "A story with an undescribed picture", "")
    footer_action(page, "Submit to Moderation")
    field = page.locator("[data-contentpath=hero_alt]")
    expect(field).to_contain_text("Describe the picture")
    # Nothing typed is lost.
    expect(page.get_by_role("textbox", name="Title")).to_have_value(
        "A story with an undescribed picture"
    )
    expect(page.locator("#id_summary")).to_have_value(
        "What three days off meant to us."
    )
    # Wagtail's error banner fades in; measure its colours once it has.
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    assert axe_violations(page) == []
    assert not StoryPage.objects.filter(
        title="A story with an undescribed picture"
    ).exists()
