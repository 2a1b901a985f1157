"""Issue 19, lines 2 and 3 in the browser: every page of the reflections log
and of "what changed" passes axe at 1280 and at 320 CSS pixels, without
scrolling sideways; a member proposes, staff of the team answer, the lead
is refused a move back without a reason (the message by the field, what was
typed kept), and staff record a change. Three sign-ins in all."""

import re

from playwright.sync_api import expect

from impact.models import Change, ReflectionFlow

from . import BROWSER_TEST, helpers

pytestmark = BROWSER_TEST


def test_every_reflections_and_changes_page_reads_at_both_widths(page, site):
    flow = ReflectionFlow.objects.get(title="Hearing what happened to our advice")
    change = Change.objects.filter(recorded_by__email="staff@example.org").first()

    # A member reads the log and proposes.
    helpers.sign_in(page, site, "member@example.org")
    helpers.check(page, site, "/members/reflections/", "Reflections log")
    helpers.check(page, site, "/members/reflections/?year=2023", "Reflections in 2023")
    expect(page.get_by_text("11 (4 new) flows in 2023")).to_be_visible()
    helpers.check(page, site, f"/members/reflections/{flow.pk}/", flow.title)
    helpers.check(page, site, "/members/changes/", "What changed because of the group")
    helpers.check(page, site, "/members/reflections/add/", "Propose a reflection")
    page.get_by_label("In a few words").fill("Captions on every video")
    page.get_by_role("button", name="Send it").click()
    helpers.check(page, site, None, "Propose a reflection")  # refused: words missing
    expect(page.get_by_label("In a few words")).to_have_value("Captions on every video")
    page.get_by_label("What you would like the organisation to hear").fill(
        "Some videos we are sent have no captions."
    )
    page.get_by_role("button", name="Send it").click()
    helpers.check(page, site, None, "Captions on every video")
    expect(page.get_by_text("You raised this")).to_be_visible()
    helpers.sign_out(page)

    # Staff of the team say what they heard, and record a change.
    helpers.sign_in(page, site, "staff@example.org")
    helpers.check(page, site, f"/members/reflections/{flow.pk}/edit/", "What we heard")
    page.get_by_label("Outcome", exact=True).fill(
        "Three teams now report back each quarter."
    )
    page.get_by_role("button", name="Save").click()
    helpers.check(page, site, None, flow.title)
    expect(
        page.get_by_text("Three teams now report back each quarter.")
    ).to_be_visible()
    helpers.check(page, site, "/members/changes/add/", "Record a change")
    helpers.check(page, site, f"/members/changes/{change.pk}/edit/", "Edit a change")
    helpers.sign_out(page)

    # The lead counts by year, adds, and is refused a move back without a reason.
    helpers.sign_in(page, site, "lead@example.org")
    helpers.check(page, site, "/members/reflections/manage/", "Reflections by year")
    helpers.check(page, site, "/members/reflections/manage/add/", "Add a flow")
    helpers.check(page, site, f"/members/reflections/manage/{flow.pk}/edit/", "Edit:")
    page.get_by_label("We propose", exact=True).fill("Report back within three months.")
    page.get_by_label("Endorsed").check()
    page.get_by_role("button", name="Save").click()
    helpers.check(page, site, None, "Edit:")
    reason = page.get_by_label("Reason", exact=True)
    expect(reason).to_have_accessible_description(
        re.compile("Say why it goes back from “In progress” to “Endorsed”.")
    )
    expect(page.get_by_label("We propose", exact=True)).to_have_value(
        "Report back within three months."
    )
    flow.refresh_from_db()
    assert flow.status == ReflectionFlow.Status.IN_PROGRESS
