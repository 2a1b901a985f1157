"""Search, tag pages, feeds, the sitemap and robots.txt."""

import feedparser
import pytest
from django.urls import reverse

from core.models import EasyReadPage
from members.models import Profile
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def test_search_finds_stories_and_resources_with_type_and_summary(client, demo_site):
    response = client.get(reverse("search:search"), {"q": "carers"})
    results = response.context["results"].object_list
    kinds = {result.kind for result in results}
    assert {"Story", "Library resource"} <= kinds
    content = response.content.decode()
    assert "Library resource" in content
    assert "<time" in content


def test_search_can_be_narrowed_to_the_library(client, demo_site):
    response = client.get(reverse("search:search"), {"q": "carers", "type": "library"})
    results = response.context["results"].object_list
    assert results
    assert {result.kind for result in results} == {"Library resource"}


def test_no_results_offers_suggestions(client, demo_site):
    content = client.get(
        reverse("search:search"), {"q": "xylophonist"}
    ).content.decode()
    assert "No results for “xylophonist”" in content
    assert "check the spelling" in content


@pytest.mark.parametrize("query", ["a" * 1000, "!@#$%^&*()", "carers " * 150])
def test_long_or_odd_searches_answer_normally(client, demo_site, query):
    response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200


def test_an_unknown_result_type_is_explained(client, demo_site):
    response = client.get(
        reverse("search:search"), {"q": "carers", "type": "spaceships"}
    )
    assert "We do not know that kind of result" in response.content.decode()


def test_a_tag_page_lists_its_stories(client, demo_site):
    content = client.get(reverse("tags:tag", args=["recruitment"])).content.decode()
    assert "Stories tagged “recruitment”" in content
    assert "Seven of us sat on interview panels" in content


def test_an_unknown_tag_is_a_plain_message(client, demo_site):
    response = client.get(reverse("tags:tag", args=["no-such-tag"]))
    assert response.status_code == 200
    assert "We have no tag called" in response.content.decode()


@pytest.mark.parametrize("name", ["feeds:stories_rss", "feeds:stories_atom"])
def test_the_feeds_are_valid_and_newest_first(client, demo_site, name):
    feed = feedparser.parse(client.get(reverse(name)).content)
    assert not feed.bozo, feed.bozo_exception
    assert (
        len(feed.entries)
        == StoryPage.objects.live().filter(locale__language_code="en-gb").count()
    )
    newest = (
        StoryPage.objects.live()
        .filter(locale__language_code="en-gb")
        .order_by("-date")
        .first()
    )
    assert feed.entries[0].title == newest.title


def test_the_sitemap_lists_every_live_public_page_and_public_people(client, demo_site):
    content = client.get("/sitemap.xml").content.decode()
    for story in StoryPage.objects.live().filter(locale__language_code="en-gb"):
        assert f"{story.url}</loc>" in content
    assert "/who-we-are/dafydd-pryce/</loc>" in content
    hidden = Profile.objects.get(slug="fraser-doig")
    assert f"/{hidden.slug}/" not in content


def test_a_draft_is_not_in_the_sitemap(client, demo_site):
    story = StoryPage.objects.live().filter(locale__language_code="en-gb").first()
    location = f"{story.url}</loc>"
    assert location in client.get("/sitemap.xml").content.decode()
    story.unpublish()
    assert location not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_to_the_sitemap(client):
    content = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in content
    assert "Sitemap: http://testserver/sitemap.xml" in content


def test_a_page_and_its_easy_read_version_link_to_each_other(client, demo_site):
    easy_read = EasyReadPage.objects.get(
        original__slug="seven-of-us-sat-on-interview-panels"
    )
    original = easy_read.original.specific
    assert easy_read.url in client.get(original.url).content.decode()
    back = client.get(easy_read.url).content.decode()
    assert f'href="{original.url}">Standard version of this page' in back
    assert back.count("easy-read-point") >= 4


def test_an_easy_read_point_needs_a_picture_description(demo_site):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image

    from core.blocks import EasyReadPointBlock

    block = EasyReadPointBlock()
    value = block.to_python(
        {"image": Image.objects.first().pk, "alt_text": "", "text": "Hello."}
    )
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.parametrize("url", ["/search/?q=carers", "/tags/carers/"])
def test_search_and_tag_pages_use_a_bounded_number_of_queries(
    client, demo_site, django_assert_max_num_queries, url
):
    client.get(url)
    with django_assert_max_num_queries(30):
        client.get(url)


def test_search_uses_postgresql_full_text_search_on_postgresql(demo_site):
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    backend = type(get_search_backend()).__module__
    if connection.vendor == "postgresql":
        assert "postgres" in backend
    else:
        assert "sqlite" in backend or "fallback" in backend
