"""Translating a page into Welsh with wagtail-localize, through the same
moderation workflow as any page (issue 21): the lead translates a story
segment by segment, the Welsh page waits for review, a half-done
translation is never published, and only editors reach the screens."""

from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from notifications.models import Notification
from stories.models import StoryIndexPage, StoryPage
from tests.people import act_for, sign_in
from tests.test_welsh_locales import welsh

pytestmark = pytest.mark.django_db

LEAD = "lead@example.org"


@pytest.fixture
def cy(demo_site):
    return Locale.objects.get(language_code="cy")


@pytest.fixture
def story(cy):
    """A live English story, its section already in Welsh (as the demo
    translates the Stories page first)."""
    welsh(StoryIndexPage.objects.get(locale__language_code="en-gb"))
    for story in StoryPage.objects.live().filter(locale__language_code="en-gb"):
        if story.get_translation_or_none(cy) is None:
            return story
    raise AssertionError("no untranslated story")


def start_translation(client, story, cy):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
        {"locales": [cy.pk]},
    )
    assert response.status_code == 302
    page = story.get_translation(cy).specific
    return page, Translation.objects.get(
        source__object_id=story.translation_key, target_locale=cy
    )


def segments(translation):
    return list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string")
        .order_by("order")
    )


def fill(client, translation, segment, words):
    """What the translation editor sends for one segment."""
    return client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=[translation.pk, segment.pk],
        ),
        urlencode({"value": words}),
        content_type="application/x-www-form-urlencoded",
    )


def cymraeg(segment):
    return f"Cymraeg: {segment.string.data}"


def publish(client, page):
    """The translation editor's "Publish in Cymraeg" button."""
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
    )


def said(response, starting=""):
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if str(message).startswith(starting)
    ]


def test_the_lead_translates_a_story_and_it_waits_for_review(client, cy, story):
    sign_in(client, LEAD)
    page, translation = start_translation(client, story, cy)
    # A new translation is a draft, not an English copy on the Welsh site.
    assert not page.live
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert editor.status_code == 200
    assert "js-translation-editor" in editor.content.decode()

    for segment in segments(translation):
        assert fill(client, translation, segment, cymraeg(segment)).status_code in (
            200,
            201,
        )
    response = publish(client, page)
    assert response.status_code == 302
    assert any("Sent for review" in words for words in said(response))

    page.refresh_from_db()
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderation"
    assert Notification.objects.filter(
        recipient__email=LEAD, kind="moderation", target_id=str(page.pk)
    ).exists()
    draft = page.get_latest_revision_as_object()
    assert draft.title == f"Cymraeg: {story.title}"

    task_state = state.current_task_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        )
    )
    page.refresh_from_db()
    assert page.live
    assert page.url.startswith("/cy/")
    public = client.get(page.url)
    assert public.status_code == 200
    assert f"Cymraeg: {story.title}" in public.content.decode()


def test_a_half_done_translation_is_not_published_and_the_editor_sees_what_is_missing(
    client, cy, story
):
    sign_in(client, LEAD)
    page, translation = start_translation(client, story, cy)
    first, *rest = segments(translation)
    fill(client, translation, first, cymraeg(first))

    response = publish(client, page)
    assert response.status_code == 302
    (message,) = said(response, "Not sent")
    assert f"Not sent: {len(rest)} passage" in message
    assert f"“{rest[0].string.data}”" in message
    assert f"“{first.string.data}”" not in message
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state is None
    # The editor opens again, with the message.
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_the_english_changes_and_the_welsh_shows_what_is_out_of_date(client, cy, story):
    sign_in(client, LEAD)
    page, translation = start_translation(client, story, cy)
    for segment in segments(translation):
        fill(client, translation, segment, cymraeg(segment))
    publish(client, page)
    state = page.current_workflow_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        )
    )
    page.refresh_from_db()
    assert page.live
    assert translation.get_progress()[0] == translation.get_progress()[1]

    story.summary = "A new summary, written after the Welsh."
    story.save_revision(user=None).publish()
    # "Sync translated pages", with "Publish immediately" sent anyway.
    sync = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    form = client.get(sync)
    assert form.status_code == 200
    assert 'name="publish_translations"' not in form.content.decode()
    response = client.post(sync, {"publish_translations": "on"})
    assert response.status_code == 302
    assert any("Nothing was published" in words for words in said(response))

    total, done = translation.get_progress()
    assert done == total - 1
    page.refresh_from_db()
    live_summary = page.summary
    assert live_summary.startswith("Cymraeg: ")
    refused = publish(client, page)
    (message,) = said(refused, "Not sent")
    assert "“A new summary, written after the Welsh.”" in message

    new = next(s for s in segments(translation) if s.string.data == story.summary)
    fill(client, translation, new, "Crynodeb newydd.")
    publish(client, page)
    page.refresh_from_db()
    # Waiting for review: the public still reads the approved Welsh.
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.summary == live_summary
    assert "Crynodeb newydd." not in client.get(page.url).content.decode()
    assert page.get_latest_revision_as_object().summary == "Crynodeb newydd."


# Signed out: the sign-in page. Signed in without the right: Wagtail's
# "no permission" (back to the admin home); the segment editor answers 403.
SIGN_IN = "/accounts/login/?next="
NO_PERMISSION = "/admin/"


@pytest.mark.parametrize(
    ("who", "sent_to"),
    [
        ("signed out", SIGN_IN),
        ("member@example.org", NO_PERMISSION),
        ("member2@example.org", NO_PERMISSION),
        # A supporter acts in the members' area only: no admin at all.
        ("supporter", SIGN_IN),
    ],
)
def test_only_editors_reach_the_translation_screens(client, cy, story, who, sent_to):
    lead_client = client.__class__()
    sign_in(lead_client, LEAD)
    page, translation = start_translation(lead_client, story, cy)
    segment = segments(translation)[0]

    if who == "supporter":
        act_for(client, "supporter@example.org", "member2@example.org")
    elif who != "signed out":
        sign_in(client, who)

    for address in (
        reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
    ):
        response = client.get(address)
        assert response.status_code == 302, address
        expected = sent_to + address if sent_to == SIGN_IN else sent_to
        assert response["Location"] == expected
    filled = fill(client, translation, segment, "Dim")
    assert filled.status_code == (302 if sent_to == SIGN_IN else 403)
    assert publish(client, page).status_code == 302
    assert not StringTranslation.objects.filter(
        translation_of=segment.string, locale=cy
    ).exists()
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state is None
