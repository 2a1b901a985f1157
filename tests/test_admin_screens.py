"""The editing screens this project adds or changes open for an editor."""

import pytest
from django.urls import reverse

from home.models import HomePage
from library.models import LibraryIndexPage
from stories.models import StoryIndexPage
from tests.people import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, demo_site):
    sign_in(client, "admin@example.org")
    return client


def test_adding_a_person_shows_the_consent_choices(editor):
    content = editor.get(reverse("wagtailsnippets_members_profile:add")).content
    assert b"Show on the public" in content
    assert b"Show their photo publicly" in content


def test_adding_a_video_asks_for_captions_and_a_transcript(editor):
    content = editor.get(reverse("wagtailmedia:add", args=["video"])).content
    assert b'name="captions"' in content
    assert b'name="transcript"' in content


@pytest.mark.parametrize(
    ("app", "model", "parent"),
    [
        ("stories", "storypage", StoryIndexPage),
        ("library", "resourcepage", LibraryIndexPage),
        ("core", "easyreadpage", HomePage),
    ],
)
def test_the_page_editors_open(editor, app, model, parent):
    url = reverse(
        "wagtailadmin_pages:add",
        args=[app, model, parent.objects.get(locale__language_code="en-gb").pk],
    )
    assert editor.get(url).status_code == 200


def test_the_demo_audio_is_complete_and_a_missing_transcript_is_reported(
    editor,
):
    from core.models import AccessibleMedia

    media = AccessibleMedia.objects.filter(type="audio").first()
    assert media.accessibility_problems() == {}
    media.transcript = ""
    assert "transcript" in media.accessibility_problems()
