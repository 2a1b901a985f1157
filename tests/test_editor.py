"""The editor members write in (issue 18): bulk actions offered only to
people who may take them, and the workarounds that are not scripts, each with
a check that fails once the upstream problem is fixed."""

import re
from pathlib import Path

import pytest
import wagtail
import wagtailaccessibility
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.models import Page

from editor.access import may_take_bulk_actions
from members.models import User
from stories.models import StoryIndexPage
from tests.people import sign_in

pytestmark = pytest.mark.django_db

MODELS = [
    ("wagtailcore", "page"),
    ("wagtailimages", "image"),
    ("wagtaildocs", "document"),
]
LISTINGS = ["/admin/images/", "/admin/documents/"]


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("member@example.org", False),
        ("member2@example.org", False),
        ("member3@example.org", False),
        ("staff@example.org", False),
        ("supporter@example.org", False),
        ("lead@example.org", True),
        ("admin@example.org", True),
    ],
)
def test_bulk_actions_are_for_the_people_who_may_take_them(demo_site, email, allowed):
    user = User.objects.get(email=email)
    for app_label, model_name in MODELS:
        assert may_take_bulk_actions(user, app_label, model_name) is allowed, app_label


def test_a_member_s_listings_offer_no_bulk_action(client, demo_site):
    sign_in(client, "member@example.org")
    index = StoryIndexPage.objects.get(locale__language_code="en-gb")
    for url in [*LISTINGS, f"/admin/pages/{index.pk}/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"/admin/bulk/" not in response.content, url
        assert b"data-no-bulk-actions" in response.content, url


def test_the_lead_s_listings_offer_bulk_actions(client, demo_site):
    sign_in(client, "lead@example.org")
    index = StoryIndexPage.objects.get(locale__language_code="en-gb")
    for url in [*LISTINGS, f"/admin/pages/{index.pk}/"]:
        content = client.get(url).content
        assert b"/admin/bulk/" in content, url
        assert b"data-no-bulk-actions" not in content, url


def test_wagtail_still_offers_every_bulk_action_to_everyone():
    """BULK_ACTIONS in editor/upstream.py: Wagtail's footer lists the
    actions without asking who is looking. When this fails, Wagtail filters
    them itself: the editor's bulk_actions blocks can go."""
    buttons = bulk_action_choices(Context({}), "wagtailcore", "page")["buttons"]
    assert "Publish" in [str(button.label) for button in buttons]


def test_the_preview_of_an_unsaved_page_has_its_main_landmark(client, demo_site):
    sign_in(client, "member@example.org")
    index = StoryIndexPage.objects.get(locale__language_code="en-gb")
    response = client.get(f"/admin/pages/add/stories/storypage/{index.pk}/preview/")
    content = response.content.decode()
    assert "Preview not available" in content
    assert '<main id="main"' in content


def test_wagtail_s_preview_error_still_has_no_main_landmark():
    """PREVIEW_ERROR in editor/upstream.py. When this fails, Wagtail's page
    has its own main: delete editor/templates/wagtailadmin/generic/
    preview_error.html."""
    original = Path(wagtail.__file__).parent / (
        "admin/templates/wagtailadmin/generic/preview_error.html"
    )
    assert "<main" not in original.read_text()


def test_tota11y_still_marks_its_list_items_as_menu_items():
    """static/js/tota11y-roles.js takes the role away. When this fails,
    tota11y (wagtail-accessibility) no longer sets it: delete the script."""
    script = Path(wagtailaccessibility.__file__).parent / "static/js/tota11y.min.js"
    assert 'role: "menuitem"' in script.read_text()


def test_previews_load_the_tota11y_fix(client, demo_site):
    sign_in(client, "lead@example.org")
    story = Page.objects.get(slug="why-i-joined-the-group")
    content = client.get(f"/admin/pages/{story.pk}/view_draft/").content.decode()
    assert "tota11y.min.js" in content
    assert content.index("tota11y.min.js") < content.index("tota11y-roles.js")


def test_a_file_that_is_not_a_picture_is_refused_with_what_would_do(client, demo_site):
    sign_in(client, "member@example.org")
    upload = SimpleUploadedFile("notes.png", b"not a picture", "image/png")
    response = client.post(
        "/admin/images/add/", {"title": "Notes", "file": upload}, follow=True
    )
    content = response.content.decode()
    assert "This file is not a picture we can use." in content
    assert re.search(r"Supported formats: [A-Z, ]*PNG", content)
    assert "Maximum filesize: 10.0" in content
