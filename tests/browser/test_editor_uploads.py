"""An upload the editor refuses (too big, not a picture) is announced to
screen readers, says what is allowed, and keeps the rest of the form."""

import io
import re

from PIL import Image as PILImage
from playwright.sync_api import expect

from . import BROWSER_TEST, helpers
from .axe import axe_violations

pytestmark = BROWSER_TEST

LIMIT = 20_000  # bytes: "19.5 KB"


def noisy_picture() -> bytes:
    buffer = io.BytesIO()
    PILImage.effect_noise((300, 300), 90).convert("RGB").save(buffer, "PNG")
    assert len(buffer.getvalue()) > LIMIT
    return buffer.getvalue()


def open_upload_tab(page, site):
    helpers.sign_in(page, site, "member@example.org", next_path="/admin/")
    page.get_by_role("link", name="Write a story").click()
    page.get_by_role("textbox", name="Title").fill("A story kept while I retry")
    page.get_by_role("button", name="Choose an image").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Upload").click()
    dialog.get_by_label("Title").fill("Rain on the window")
    return dialog


def test_a_refused_picture_is_announced_with_the_limit_and_the_form_kept(
    page, site, settings
):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = LIMIT
    page.emulate_media(reduced_motion="reduce")
    dialog = open_upload_tab(page, site)
    upload = dialog.locator("input[type=file]")
    upload.set_input_files(
        {"name": "rain.png", "mimeType": "image/png", "buffer": noisy_picture()}
    )
    dialog.get_by_role("button", name="Upload").click()

    alert = dialog.get_by_role("alert")
    expect(alert).to_contain_text("Maximum filesize 19.5\u00a0KB")
    # The file box is described by the error.
    assert alert.get_attribute("id") in upload.get_attribute("aria-describedby")
    # Nothing typed is lost.
    expect(dialog.get_by_label("Title")).to_have_value("Rain on the window")
    expect(page.get_by_role("textbox", name="Title").first).to_have_value(
        "A story kept while I retry"
    )
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []

    # Then a file that is not a picture: what would do is named.
    upload.set_input_files(
        {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not a picture"}
    )
    dialog.get_by_role("button", name="Upload").click()
    expect(alert).to_contain_text(re.compile(r"Supported formats: [A-Z, ]*PNG"))
    expect(alert).to_contain_text("Maximum filesize")
    expect(dialog.get_by_label("Title")).to_have_value("Rain on the window")
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []


def test_a_refused_file_in_the_multiple_upload_is_announced(page, site, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = LIMIT
    helpers.sign_in(page, site, "member@example.org", next_path="/admin/")
    helpers.admin_goto(page, site + "/admin/images/multiple/add/")
    page.locator("#fileupload").set_input_files(
        {"name": "rain.png", "mimeType": "image/png", "buffer": noisy_picture()}
    )
    alert = page.locator("[data-editor-upload-alert]")
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_contain_text("Maximum filesize 19.5\u00a0KB")
    assert axe_violations(page) == []


def test_wagtail_still_announces_no_refused_upload(page, site, settings):
    """ERRORS_ANNOUNCED and UPLOAD_FAILURE_ANNOUNCED in editor/upstream.py:
    when this fails, Wagtail announces refused uploads itself."""
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = LIMIT
    page.route("**/editor/upstream-fixes.js", lambda route: route.abort())
    dialog = open_upload_tab(page, site)
    dialog.locator("input[type=file]").set_input_files(
        {"name": "rain.png", "mimeType": "image/png", "buffer": noisy_picture()}
    )
    dialog.get_by_role("button", name="Upload").click()
    expect(dialog.get_by_text("Maximum filesize")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)

    helpers.admin_goto(page, site + "/admin/images/multiple/add/")
    page.locator("#fileupload").set_input_files(
        {"name": "rain.png", "mimeType": "image/png", "buffer": noisy_picture()}
    )
    expect(page.get_by_text("Maximum filesize")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
