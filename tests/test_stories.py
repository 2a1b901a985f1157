"""Stories: the index with its filters and pages, story pages, media rules."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.models import AccessibleMedia
from stories.blocks import MediaBlock
from stories.models import StoryIndexPage, StoryPage
from stories.selectors import PAGE_SIZE
from tests.people import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(demo_site):
    return StoryIndexPage.objects.get(locale__language_code="en-gb")


def titles(response):
    return [story.title for story in response.context["stories"]]


def test_the_page_tree_is_fixed_in_code():
    from home.models import HomePage

    assert StoryIndexPage.allowed_parent_page_models() == [HomePage]
    assert StoryPage.allowed_parent_page_models() == [StoryIndexPage]
    assert StoryPage.allowed_subpage_models() == []


def test_the_index_lists_newest_first_a_page_at_a_time(client, index):
    response = client.get(index.url)
    dates = [story.date for story in response.context["stories"]]
    assert dates == sorted(dates, reverse=True)
    assert len(dates) == PAGE_SIZE
    second = client.get(index.url + "?page=2")
    total = StoryPage.objects.live().filter(locale__language_code="en-gb").count()
    assert len(titles(second)) == total - PAGE_SIZE
    assert 'rel="prev"' in second.content.decode()


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [("kind=podcast", "kind", "podcast"), ("nation=wales", "nation", "wales")],
)
def test_filters_keep_only_matching_stories(client, index, query, field, value):
    response = client.get(f"{index.url}?{query}")
    stories = list(response.context["stories"])
    assert stories
    assert all(getattr(story, field) == value for story in stories)
    assert 'aria-current="true"' in response.content.decode()


def test_a_tag_filter_shows_the_tagged_stories(client, index):
    response = client.get(index.url + "?tag=recruitment")
    assert titles(response) == ["Seven of us sat on interview panels"]


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("kind=poetry", "We do not know that kind of story"),
        ("nation=atlantis", "We do not know that nation"),
        ("tag=no-such-tag", "No story has that tag"),
        ("page=999", "That page number does not exist"),
        ("page=abc", "That page number does not exist"),
    ],
)
def test_unknown_filters_and_pages_explain_and_show_stories(
    client, index, query, notice
):
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200
    assert notice in response.content.decode()
    assert len(titles(response)) == PAGE_SIZE


def test_a_video_story_plays_with_captions_and_shows_its_transcript(client, index):
    story = StoryPage.objects.get(slug="carers-week-2023-a-video-interview")
    content = client.get(story.url).content.decode()
    assert "<video controls" in content
    assert '<track kind="captions"' in content
    assert '<details class="transcript">' in content
    assert "Nobody gave me a job" in content
    assert "Related stories" in content


def test_a_podcast_has_an_audio_player_and_transcript(client, index):
    story = StoryPage.objects.filter(kind="podcast").first()
    content = client.get(story.url).content.decode()
    assert "<audio controls" in content
    assert "Read the transcript" in content


def test_a_story_links_to_its_author_only_when_they_are_public(client, index):
    story = StoryPage.objects.get(slug="seven-of-us-sat-on-interview-panels")
    content = client.get(story.url).content.decode()
    assert "Fraser Doig" in content
    assert "/who-we-are/fraser-doig/" not in content

    public = StoryPage.objects.get(slug="carers-week-2023-a-video-interview")
    assert "/who-we-are/dafydd-pryce/" in client.get(public.url).content.decode()


def test_the_home_page_shows_the_latest_stories(client, index):
    content = client.get("/").content.decode()
    newest = (
        StoryPage.objects.live()
        .filter(locale__language_code="en-gb")
        .order_by("-date")
        .first()
    )
    assert "Latest stories" in content
    assert newest.title in content


def test_a_media_block_refuses_an_item_without_captions_or_transcript(index):
    from django.core.exceptions import ValidationError

    media = AccessibleMedia.objects.filter(type="video").first()
    media.captions = ""
    media.transcript = ""
    media.save()
    with pytest.raises(ValidationError, match="captions file"):
        MediaBlock().clean(media)


def story_form(index, **overrides):
    data = {
        "title": "My video story",
        "slug": "my-video-story",
        "kind": "video",
        "summary": "A story with a video.",
        "date": "2024-02-01",
        "nation": "wales",
        "hero_alt": "",
        "media": "",
        "tags": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_a_video_story_without_a_captioned_video_cannot_be_published(client, index):
    sign_in(client, "admin@example.org")
    media = AccessibleMedia.objects.filter(type="video").first()
    media.captions = ""
    media.save()
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))

    data = story_form(index, media=str(media.pk))
    data["action-publish"] = "publish"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Add a captions file (.vtt) for this video." in response.content.decode()
    assert not StoryPage.objects.filter(slug="my-video-story").exists()

    # A draft may still be saved, so nothing typed is lost.
    response = client.post(url, story_form(index, media=str(media.pk)))
    assert response.status_code == 302
    draft = StoryPage.objects.get(slug="my-video-story")
    assert not draft.live


def test_a_hero_image_needs_a_description_or_the_decorative_tick(index):
    from django.core.exceptions import ValidationError

    story = StoryPage.objects.filter(hero_image__isnull=False).first()
    story.hero_decorative = False
    story.hero_alt = ""
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "hero_alt" in error.value.message_dict


@pytest.mark.parametrize("url_name", ["index", "story", "filtered"])
def test_story_pages_use_a_bounded_number_of_queries(
    client, index, django_assert_max_num_queries, url_name
):
    story = StoryPage.objects.live().filter(locale__language_code="en-gb").first()
    url = {
        "index": index.url,
        "story": story.url,
        "filtered": index.url + "?kind=blog&nation=england",
    }[url_name]
    client.get(url)  # warm the caches a real site has warm
    with django_assert_max_num_queries(25):
        assert client.get(url).status_code == 200


def test_only_one_story_index(index):
    assert not StoryIndexPage.can_create_at(
        Page.objects.get(depth=2, locale__language_code="en-gb")
    )


def test_pictures_are_responsive_modern_and_lazy_below_the_fold(client, index):
    content = client.get(index.url).content.decode()
    assert 'type="image/webp"' in content
    assert "srcset=" in content
    card_image = content[content.index("<picture") : content.index("</picture>")]
    assert 'loading="lazy"' in card_image
    assert 'width="' in card_image and 'height="' in card_image

    story = StoryPage.objects.filter(hero_image__isnull=False).first()
    page = client.get(story.url).content.decode()
    hero = page[page.index("<picture") : page.index("</picture>")]
    assert 'loading="eager"' in hero
    assert 'alt=""' in hero  # the demo heroes are marked decorative
