"""The accessibility and plain-language checks, one rule at a time, and
where writers and reviewers see them."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.blocks import StreamValue
from wagtail.images.models import Image
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import rich_text, streamfield

from core.blocks import CheckedRichTextBlock
from core.content_checks import content_report
from core.models import AccessibleMedia
from members.models import User
from stories.models import StoryIndexPage, StoryPage
from tests.people import sign_in
from tests.story_forms import member_story_form

pytestmark = pytest.mark.django_db

EASY = (
    "We had three days to ourselves. It was the first break in two years. "
    "My son went to a place he likes. We slept. We walked by the sea. "
    "We came back glad to see him. "
)
HARD = (
    "Notwithstanding the considerable organisational complexities inherent in "
    "the commissioning of personalised respite provision, the multidisciplinary "
    "partnership subsequently operationalised an integrated, outcomes-focused "
    "methodology encompassing comprehensive stakeholder consultation, "
    "independent evaluation and longitudinal monitoring arrangements. "
)


def body(*blocks):
    from wagtail.blocks import StreamBlock

    from stories.blocks import STORY_BLOCKS

    return StreamValue(StreamBlock(STORY_BLOCKS), list(blocks), is_lazy=False)


def paragraph(html):
    return ("paragraph", RichText(html))


def messages(findings, level):
    return [f.message for f in findings if f.level == level]


def test_plain_accessible_writing_has_no_findings():
    assert content_report(body=body(paragraph(f"<p>{EASY}</p>"))) == []


def test_a_picture_without_a_description_is_an_error(demo_site):
    image = Image.objects.first()
    findings = content_report(
        body=body(("image", {"image": image, "alt_text": "", "decorative": False}))
    )
    assert any("need a description" in m for m in messages(findings, "error"))
    decorative = content_report(
        body=body(("image", {"image": image, "alt_text": "", "decorative": True}))
    )
    assert messages(decorative, "error") == []
    hero = content_report(body=body(), hero=(image, "", False))
    assert any("picture at the top" in m for m in messages(hero, "error"))


def test_a_video_without_captions_is_an_error(demo_site):
    video = AccessibleMedia.objects.filter(type="video").first()
    video.captions = ""
    findings = content_report(body=body(("media", video)))
    assert any("captions" in m for m in messages(findings, "error"))


def test_a_link_without_words_is_an_error_and_refused_by_the_editor():
    findings = content_report(body=body(paragraph('<p>See <a href="/x"></a></p>')))
    assert any("no words" in m for m in messages(findings, "error"))
    with pytest.raises(ValidationError, match="has no words"):
        CheckedRichTextBlock().clean(RichText('<p><a href="/library/"> </a></p>'))


@pytest.mark.parametrize(
    "text", ["click here", "Here", "read more", "https://example.org/report.pdf"]
)
def test_vague_link_text_and_bare_addresses_are_warnings(text):
    findings = content_report(
        body=body(
            paragraph(f'<p>The report: <a href="https://example.org">{text}</a></p>')
        )
    )
    assert messages(findings, "error") == []
    assert any(f"“{text}”" in m for m in messages(findings, "warning"))


def test_a_sub_heading_without_a_section_heading_is_a_warning():
    findings = content_report(
        body=body(
            ("heading", {"text": "Details", "level": "h3"}),
            paragraph("<h2>What happened</h2><p>We met.</p>"),
        )
    )
    warnings = messages(findings, "warning")
    assert any("“Details” is a sub-heading" in m for m in warnings)
    assert not any("What happened" in m for m in warnings)


def test_passages_in_capitals_are_a_warning():
    findings = content_report(
        body=body(paragraph("<p>PLEASE READ THIS FIRST today.</p>"))
    )
    assert any("“PLEASE READ THIS FIRST”" in m for m in messages(findings, "warning"))
    assert content_report(body=body(paragraph("<p>The NHS and the CQC met.</p>"))) == []


def test_hard_writing_is_a_warning_naming_the_longest_sentences(settings):
    findings = content_report(body=body(paragraph(f"<p>{HARD}{EASY}</p>")))
    (warning,) = messages(findings, "warning")
    assert "may be hard to read" in warning
    assert "Notwithstanding the considerable" in warning
    settings.CONTENT_READING_GRADE_MAX = 40
    assert content_report(body=body(paragraph(f"<p>{HARD}{EASY}</p>"))) == []


def test_an_easy_read_page_is_checked_point_by_point(demo_site):
    from core.models import EasyReadPage

    def page(*points):
        return EasyReadPage(
            title="Easy Read",
            original=demo_site,
            points=[
                ("point", {"image": None, "alt_text": alt, "text": text})
                for alt, text in points
            ],
        )

    assert page(("Two people talking", EASY)).content_report() == []
    findings = page(("", EASY), ("A cup of tea", HARD)).content_report()
    assert messages(findings, "error") == [
        "1 picture(s) in the story need a description, or tick 'decorative'."
    ]
    assert "Notwithstanding the considerable" in messages(findings, "warning")[0]


@pytest.fixture
def member_draft(demo_site):
    member = User.objects.get(email="member@example.org")
    page = StoryIndexPage.objects.get(locale__language_code="en-gb").add_child(
        instance=StoryPage(
            title="Our respite",
            summary="Three days.",
            owner=member,
            live=False,
            body=body(paragraph('<p>Read it <a href="/library/">click here</a></p>')),
        )
    )
    page.save_revision(user=member)
    return page


@pytest.mark.parametrize("email", ["member@example.org", "lead@example.org"])
def test_the_writer_and_the_reviewer_see_the_same_report(client, member_draft, email):
    sign_in(client, email)
    content = client.get(
        reverse("wagtailadmin_pages:edit", args=[member_draft.pk])
    ).content.decode()
    assert "Checks before it goes live" in content
    assert (
        "Suggestion:</strong> The link “click here” does not say where it goes"
        in content
    )


LIMIT_1KB = "The largest file you can upload here is 1.0\xa0KB"


@pytest.fixture
def member_client(client, demo_site):
    sign_in(client, "member@example.org")
    return client


def test_a_document_over_the_limit_is_refused_naming_the_limit(member_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n" + b"x" * 2048)
    response = member_client.post(
        reverse("wagtaildocs:add"), {"title": "Minutes", "file": upload}
    )
    assert response.status_code == 200
    assert (
        "The largest file you can upload here is 1.0\xa0KB" in response.content.decode()
    )


def test_a_document_of_the_wrong_type_is_refused(member_client):
    upload = SimpleUploadedFile("run-me.exe", b"MZ" + b"x" * 100)
    response = member_client.post(
        reverse("wagtaildocs:add"), {"title": "A program", "file": upload}
    )
    assert response.status_code == 200
    assert "File extension “exe” is not allowed" in response.content.decode()


def test_a_video_over_the_limit_is_refused_naming_the_limit(member_client, settings):
    settings.MEDIA_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("clip.mp4", b"x" * 4096, content_type="video/mp4")
    response = member_client.post(
        reverse("wagtailmedia:add", args=["video"]),
        {"title": "Clip", "file": upload, "transcript": "Words."},
    )
    assert response.status_code == 200
    assert (
        "The largest file you can upload here is 1.0\xa0KB" in response.content.decode()
    )


def test_a_huge_paste_into_a_story_saves(member_client):
    index = StoryIndexPage.objects.get(locale__language_code="en-gb")
    huge = "We talked about respite. " * 4000  # 100,000 characters
    data = member_story_form(
        title="A very long story",
        body=streamfield([("paragraph", rich_text(f"<p>{huge}</p>"))]),
    )
    response = member_client.post(
        reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk)),
        data,
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(title="A very long story")
    assert len(story.body[0].value.source) >= 100_000


def test_a_picture_over_the_limit_is_refused_naming_the_limit(member_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    buffer = BytesIO()
    PILImage.effect_noise((200, 200), 64).convert("RGB").save(buffer, "PNG")
    upload = SimpleUploadedFile("noise.png", buffer.getvalue(), "image/png")
    response = member_client.post(
        reverse("wagtailimages:add"), {"title": "Noise", "file": upload}
    )
    assert response.status_code == 200
    assert "Maximum filesize 1.0\xa0KB" in response.content.decode()
