"""The admin under its own Content-Security-Policy: the page editor, its
preview panel (a frame of the admin) and its forms still work."""

import re

from playwright.sync_api import expect

from stories.models import StoryPage

from . import BROWSER_TEST, helpers

pytestmark = BROWSER_TEST

ADMIN_DIRECTIVES = {
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}


def test_the_editor_and_its_preview_work_under_the_admin_s_policy(page, site):
    # What the admin's policy would refuse (the previewed page keeps the
    # site's own policy, with its own directives).
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if any(directive in message.text for directive in ADMIN_DIRECTIVES)
            else None
        ),
    )
    helpers.sign_in(page, site, "member@example.org", next_path="/admin/")
    response = page.goto(site + "/admin/")
    policy = response.headers["content-security-policy"]
    for directive, value in ADMIN_DIRECTIVES.items():
        assert f"{directive} {value}" in policy

    page.get_by_role("link", name="Write a story").click()
    page.get_by_role("textbox", name="Title").fill("A preview under the policy")
    page.locator("#id_summary").fill("Checking the admin still works.")

    # The preview panel shows the page in a frame of the admin.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(
        "A preview under the policy"
    )

    # Saving is a form sent to the admin itself.
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    helpers.settle(page)
    assert StoryPage.objects.filter(title="A preview under the policy").exists()
    assert refused == []
