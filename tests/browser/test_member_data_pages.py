"""A member downloads their information from their profile, and the lead
anonymises someone who has left: each page passes axe-core and works by
keyboard; the confirm form's error appears next to the box."""

import json
import re
import zipfile

from django.utils import timezone
from playwright.sync_api import expect

from members.models import User
from members.services import person_deactivate

from . import BROWSER_TEST, helpers
from .axe import axe_violations
from .helpers import assert_accessible

pytestmark = BROWSER_TEST


def test_a_member_downloads_their_information_by_keyboard(page, site):
    helpers.sign_in(page, site, "member@example.org")
    assert_accessible(page, "/members/profile/", site, "My profile")

    page.get_by_role("link", name="Download your information").focus()
    with page.expect_download() as waiting:
        page.keyboard.press("Enter")
    download = waiting.value

    assert download.suggested_filename.startswith("your-information-")
    with zipfile.ZipFile(download.path()) as archive:
        data = json.loads(archive.read("your-information.json"))
        assert "README.txt" in archive.namelist()
    assert data["account_and_profile"]["account"]["email address"] == (
        "member@example.org"
    )


def test_the_lead_anonymises_someone_who_has_left_by_keyboard(page, site):
    dafydd = User.objects.get(email="member@example.org")
    person_deactivate(user=dafydd, ended_on=timezone.localdate())
    helpers.sign_in(page, site, "lead@example.org")
    assert_accessible(
        page, f"/members/people/manage/{dafydd.pk}/", site, "Dafydd Pryce"
    )

    page.get_by_role("link", name="Anonymise Dafydd Pryce").focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "Anonymise Dafydd Pryce")
    expect(page.get_by_role("heading", name="What stays")).to_be_visible()

    # Not ticked: the mistake is explained next to the box, nothing changes.
    page.get_by_role("button", name="Anonymise Dafydd Pryce").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Tick the box")
    box = page.get_by_label("I understand that this cannot be undone")
    expect(box).to_have_accessible_description(re.compile("Tick the box"))
    assert axe_violations(page) == []

    box.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Anonymise Dafydd Pryce").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(
        f"They are now called Former member {dafydd.pk} everywhere"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Former member {dafydd.pk}"
    )
    assert axe_violations(page) == []
