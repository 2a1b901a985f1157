"""Every public list shows the reader's language: Welsh pages under /cy/,
English ones at the English addresses, never both (issue 21). The sitemap
lists both with their hreflang alternates; the feeds and search come in
each language."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from search.selectors import search_cards
from stories.models import StoryIndexPage, StoryPage
from tests.test_welsh_locales import welsh

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
WELSH_WORD = "cydgynhyrchiad"


def english_stories():
    return StoryPage.objects.live().filter(locale__language_code="en-gb")


def welsh_stories():
    return StoryPage.objects.live().filter(locale__language_code="cy")


def all_welsh(stories):
    """The listed stories are all Welsh (the demo's and the test's own)."""
    stories = list(stories)
    return bool(stories) and all(s.locale.language_code == "cy" for s in stories)


@pytest.fixture
def welsh_story(demo_site):
    """The newest English story's Welsh version, with a Welsh word of its own
    in its summary (the Welsh home page and stories page come with it)."""
    welsh(demo_site)
    story = (
        english_stories()
        .exclude(translation_key__in=welsh_stories().values("translation_key"))
        .order_by("-date", "-pk")
        .first()
    )
    version = welsh(story)
    version.summary = f"Stori am {WELSH_WORD} yng Nghymru."
    version.save_revision().publish()
    return story, version


def welsh_tags():
    return {tag.slug for story in welsh_stories() for tag in story.tags.all()}


def full(address):
    """An address as the sitemap and feeds give it (the site's own host)."""
    return Site.objects.get(is_default_site=True).root_url + address


def index_url(language):
    return StoryIndexPage.objects.get(locale__language_code=language).url


def test_the_home_page_lists_the_newest_stories_of_its_language(client, welsh_story):
    story, version = welsh_story
    english = client.get("/").content.decode()
    assert f'href="{story.url}"' in english
    assert version.url not in english
    welsh_home = client.get("/cy/").content.decode()
    assert f'href="{version.url}"' in welsh_home
    assert f'href="{story.url}"' not in welsh_home


def test_the_stories_page_lists_its_language_only(client, welsh_story):
    story, version = welsh_story
    english = client.get(index_url("en-gb")).content.decode()
    assert story.url in english
    assert version.url not in english
    welsh_index = client.get(index_url("cy"))
    assert welsh_index.status_code == 200
    assert index_url("cy").startswith("/cy/")
    assert version in welsh_index.context["stories"]
    assert all_welsh(welsh_index.context["stories"])


def test_the_welsh_stories_page_s_filters_and_paging_work(client, welsh_story):
    story, version = welsh_story
    tag = story.tags.first()
    address = index_url("cy")
    for query in (
        {"kind": story.kind},
        {"nation": story.nation} if story.nation else {},
        {"tag": tag.slug},
        {"page": "1"},
    ):
        response = client.get(address, query)
        assert response.status_code == 200, query
        assert version in response.context["stories"], query
        assert all_welsh(response.context["stories"]), query
    # The filter's tag list counts only Welsh stories' tags.
    popular = client.get(address).context["popular_tags"]
    assert {t.slug for t in popular} <= welsh_tags()
    # Page 2 of one story: page 1, said in a notice, no error.
    assert client.get(address, {"page": "2"}).status_code == 200


def test_tag_pages_list_the_stories_of_their_language(client, welsh_story):
    story, version = welsh_story
    tag = story.tags.first()
    english = client.get(f"/tags/{tag.slug}/").content.decode()
    assert story.url in english
    assert version.url not in english
    response = client.get(f"/cy/tags/{tag.slug}/")
    assert response.status_code == 200
    assert version in response.context["stories"]
    assert all_welsh(response.context["stories"])
    # The Welsh tag index lists the Welsh stories' tags only.
    tags = {t.slug for t in client.get("/cy/tags/").context["tags"]}
    assert tags == welsh_tags()
    other = (
        english_stories()
        .exclude(tags__slug__in=welsh_tags())
        .values_list("tags__slug", flat=True)
        .exclude(tags__slug=None)
        .first()
    )
    assert other in {t.slug for t in client.get("/tags/").context["tags"]}
    # An English story's tag has no Welsh stories: none are listed.
    assert not client.get(f"/cy/tags/{other}/").context.get("stories")


def test_related_stories_are_in_the_story_s_language(client, demo_site):
    untranslated = english_stories().exclude(
        translation_key__in=welsh_stories().values("translation_key")
    )
    # Two untranslated English stories that share a tag, both made Welsh.
    story, other = next(
        (first, second)
        for first in untranslated
        for second in untranslated.filter(tags__in=first.tags.all()).exclude(
            pk=first.pk
        )
    )
    welsh(demo_site)
    version, other_version = welsh(story), welsh(other)
    english = list(client.get(story.url).context["related_stories"])
    assert english
    assert not any(s.locale.language_code == "cy" for s in english)
    welsh_related = list(client.get(version.url).context["related_stories"])
    assert all_welsh(welsh_related)
    # The Welsh story's related stories are the Welsh versions of English ones
    # (sharing a tag) or other Welsh stories, never an English one.
    assert other_version in welsh_related or len(welsh_related) == 3


def test_search_finds_pages_of_the_address_s_language(client, welsh_story):
    story, version = welsh_story
    welsh_results = client.get("/cy/search/", {"q": WELSH_WORD})
    assert welsh_results.status_code == 200
    assert [r.pk for r in welsh_results.context["results"].object_list] == [version.pk]
    assert version.url in welsh_results.content.decode()
    english = client.get("/search/", {"q": WELSH_WORD}).context["results"]
    assert list(english.object_list) == []
    # An English word finds the English story only, on the English address.
    word = story.title.split()[-1]
    found = {r.pk for r in client.get("/search/", {"q": word}).context["results"]}
    assert story.pk in found and version.pk not in found
    cards = search_cards()
    assert all(
        cards[pk].url.startswith("/cy/")
        for pk in (
            r.pk for r in client.get("/cy/search/", {"q": word}).context["results"]
        )
    )


def sitemap(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_the_sitemap_lists_both_languages_with_their_alternates(client, welsh_story):
    story, version = welsh_story
    content = client.get("/sitemap.xml").content.decode()
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in content
    entries = sitemap(client)
    english = full(story.url)
    cymraeg = full(version.url)
    both = {"en-GB": english, "cy": cymraeg, "x-default": english}
    assert entries[english] == both
    assert entries[cymraeg] == both
    assert entries[full("/cy/")] == {
        "en-GB": full("/"),
        "cy": full("/cy/"),
        "x-default": full("/"),
    }
    # A page in one language only has no alternates.
    untranslated = english_stories().exclude(pk=story.pk).first()
    assert entries[full(untranslated.url)] == {}


def test_the_sitemap_costs_the_same_queries_however_many_welsh_pages(
    client, welsh_story
):
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as before:
        client.get("/sitemap.xml")
    for story in english_stories().order_by("-date")[1:4]:
        welsh(story)
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as after:
        client.get("/sitemap.xml")
    assert len(after) == len(before)


@pytest.mark.parametrize("name", ["stories.rss", "stories.atom"])
def test_each_language_has_its_own_feed(client, welsh_story, name):
    story, version = welsh_story
    english = feedparser.parse(client.get(f"/feeds/{name}").content)
    assert not english.bozo, english.bozo_exception
    assert english.feed.title == "Co-production Hub: stories"
    assert english.feed.language == "en-gb"
    links = {entry.link for entry in english.entries}
    assert full(story.url) in links
    assert full(version.url) not in links

    cymraeg = feedparser.parse(client.get(f"/cy/feeds/{name}").content)
    assert not cymraeg.bozo, cymraeg.bozo_exception
    assert cymraeg.feed.title == "Hwb Cydgynhyrchu: straeon"
    assert cymraeg.feed.language == "cy"
    links = [entry.link for entry in cymraeg.entries]
    assert full(version.url) in links
    assert all(link.startswith(full("/cy/")) for link in links)
    assert cymraeg.feed.link == "http://testserver" + index_url("cy")


def test_every_page_points_at_the_feed_of_its_language(client, welsh_story):
    english = client.get("/").content.decode().split("</head>")[0]
    assert 'title="Stories (RSS)" href="/feeds/stories.rss"' in english
    welsh_head = client.get("/cy/").content.decode().split("</head>")[0]
    assert 'title="Straeon (RSS)" href="/cy/feeds/stories.rss"' in welsh_head
    assert 'title="Straeon (Atom)" href="/cy/feeds/stories.atom"' in welsh_head


@pytest.mark.parametrize(
    "address",
    ["/cy/", "stories", "/cy/feeds/stories.rss", "/cy/tags/", "/cy/search/?q=stori"],
)
def test_welsh_lists_do_not_grow_with_the_number_of_welsh_stories(
    client, welsh_story, address
):
    if address == "stories":
        address = index_url("cy")
    client.get(address)
    with CaptureQueriesContext(connection) as before:
        client.get(address, HTTP_CACHE_CONTROL="no-cache")
    for story in english_stories().order_by("-date")[1:4]:
        welsh(story)
    client.get(address)
    with CaptureQueriesContext(connection) as after:
        client.get(address, HTTP_CACHE_CONTROL="no-cache")
    assert len(after) == len(before)


def test_links_to_what_we_did_go_to_the_page_of_the_reader_s_language(demo_site):
    from django.utils import translation

    from impact.models import Meeting, WhatWeDidPage
    from impact.selectors import meeting_public_url

    english = WhatWeDidPage.objects.live().get(locale__language_code="en-gb")
    meeting = Meeting.objects.filter(is_public=True).first()
    welsh(demo_site)
    version = welsh(english)
    with translation.override("cy"):
        assert meeting_public_url(meeting=meeting).startswith(version.url)
    assert version.url.startswith("/cy/")
    assert meeting_public_url(meeting=meeting).startswith(english.url)
    # No Welsh version (any more): the English page, even to a Welsh reader.
    version.unpublish()
    with translation.override("cy"):
        assert meeting_public_url(meeting=meeting).startswith(english.url)
