"""English and Welsh: addresses, the language link, hreflang, the "not
translated yet" notice and the members' own language (issue 21)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page

from home.models import HomePage
from stories.models import StoryIndexPage, StoryPage
from tests.people import sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db


def welsh(page):
    """The page's live Welsh version, made (with its Welsh parents) if the
    demo has none."""
    cy = Locale.objects.get(language_code="cy")
    found = page.get_translation_or_none(cy)
    if found is None:
        parent = page.get_parent()
        if parent.depth > 1 and not parent.get_translation_or_none(cy):
            welsh(parent.specific)
        found = page.copy_for_translation(cy, copy_parents=True)
    found = found.specific
    found.title = f"{page.title} (Cymraeg)"
    found.save_revision().publish()
    return found


def untranslated_story():
    cy = Locale.objects.get(language_code="cy")
    for story in StoryPage.objects.live().filter(locale__language_code="en-gb"):
        if story.get_translation_or_none(cy) is None:
            return story
    raise AssertionError("the demo has no untranslated story")


def lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode())[1]


def language_link(response):
    """(address, lang, hreflang, words) of the header's language link."""
    header = response.content.decode().split('<header class="site-header">')[1]
    match = re.search(
        r'<a href="([^"]*)" lang="([^"]+)" hreflang="([^"]+)">([^<]+)</a>', header
    )
    return match.groups()


def test_english_keeps_today_s_addresses(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    assert lang(response) == "en-GB"
    assert response["Content-Language"] == "en-gb"
    # The page cache keys pages by address: nothing may vary by browser.
    assert "Accept-Language" not in response.get("Vary", "")
    assert client.get("/stories/").status_code == 200


def test_a_browser_asking_for_welsh_still_gets_the_english_address_in_english(
    client, demo_site
):
    response = client.get("/", headers={"accept-language": "cy"})
    assert lang(response) == "en-GB"
    assert response["Content-Language"] == "en-gb"


def test_an_unknown_language_prefix_is_not_found_in_the_site_s_design(
    client, demo_site
):
    for address in ("/xx/", "/fr/stories/", "/cy-gb/"):
        response = client.get(address)
        assert response.status_code == 404, address
        assert 'class="site-header"' in response.content.decode()


def test_welsh_addresses_show_welsh_pages_only(client, demo_site):
    for home in HomePage.objects.filter(locale__language_code="cy"):
        home.unpublish()
    # No Welsh home page: never the English one passed off as Welsh.
    assert client.get("/cy/").status_code == 404
    assert client.get("/cy/stories/", follow=True).status_code == 404


def test_the_welsh_home_page_is_under_cy_in_welsh(client, demo_site):
    welsh(demo_site)
    response = client.get("/cy/")
    assert response.status_code == 200
    assert lang(response) == "cy"
    assert response["Content-Language"] == "cy"
    assert "(Cymraeg)" in response.content.decode()


def test_the_language_link_goes_to_the_same_page_in_the_other_language(
    client, demo_site
):
    welsh(demo_site)
    assert language_link(client.get("/")) == ("/cy/", "cy", "cy", "Cymraeg")
    assert language_link(client.get("/cy/")) == ("/", "en-GB", "en-GB", "English")


def test_hreflang_alternates_name_both_languages_and_a_default(client, demo_site):
    welsh(demo_site)
    for address in ("/", "/cy/"):
        html = client.get(address).content.decode()
        head = html.split("</head>")[0]
        assert (
            '<link rel="alternate" hreflang="en-GB" href="http://testserver/">' in head
        )
        assert (
            '<link rel="alternate" hreflang="cy" href="http://testserver/cy/">' in head
        )
        assert (
            '<link rel="alternate" hreflang="x-default" href="http://testserver/">'
            in head
        )


def test_a_page_in_one_language_has_no_alternates(client, demo_site):
    story = untranslated_story()
    head = client.get(story.url).content.decode().split("</head>")[0]
    assert "hreflang" not in head


def test_an_untranslated_page_leads_to_english_with_a_welsh_notice(client, demo_site):
    welsh(demo_site)
    story = untranslated_story()
    address, language, hreflang, words = language_link(client.get(story.url))
    assert (address, language, words) == (f"{story.url}?lang=cy", "cy", "Cymraeg")

    response = client.get(address)
    html = response.content.decode()
    assert response.status_code == 200
    # The page is English and says so; the notice is Welsh and says so.
    assert lang(response) == "en-GB"
    assert re.search(r'<div class="message message--notice" lang="cy"', html)
    assert "Saesneg" in html  # "…here it is in English", in Welsh
    assert "Saesneg" not in client.get(story.url).content.decode()


def test_a_welsh_address_of_an_untranslated_page_is_not_found(client, demo_site):
    index = welsh(StoryIndexPage.objects.get(locale__language_code="en-gb"))
    story = untranslated_story()
    assert client.get(f"{index.url}{story.slug}/").status_code == 404


def test_a_welsh_story_is_served_under_cy_with_its_english_version_linked(
    client, demo_site
):
    story = StoryPage.objects.live().filter(locale__language_code="en-gb").first()
    version = welsh(story)
    assert version.url.startswith("/cy/")
    response = client.get(version.url)
    assert response.status_code == 200
    assert lang(response) == "cy"
    assert language_link(response)[0] == story.url
    assert language_link(client.get(story.url))[0] == version.url


def test_welsh_versions_cost_no_queries_per_page(client, demo_site):
    story = StoryPage.objects.live().filter(locale__language_code="en-gb").first()
    client.get(story.url)  # warms what is kept per content generation
    with CaptureQueriesContext(connection) as before:
        client.get(story.url, HTTP_CACHE_CONTROL="no-cache")
    welsh(story)
    client.get(story.url)
    with CaptureQueriesContext(connection) as after:
        client.get(story.url, HTTP_CACHE_CONTROL="no-cache")
    assert len(after) == len(before)


def test_the_members_area_comes_in_the_member_s_own_language(client, demo_site):
    person = reads_welsh(sign_in(client, "member@example.org"))
    response = client.get("/members/")
    assert response.status_code == 200
    assert response["Content-Language"] == "cy"
    assert lang(response) == "cy"
    person.language = "en-gb"
    person.save(update_fields=["language"])
    assert client.get("/members/")["Content-Language"] == "en-gb"


def test_the_default_home_is_found_by_its_language(demo_site):
    assert demo_site.locale.language_code == "en-gb"
    assert Page.objects.type(HomePage).filter(locale=demo_site.locale).count() == 1


def test_the_two_step_pages_stay_open_in_both_languages_whoever_came_first():
    from accounts.two_step.middleware import open_paths

    open_paths.cache_clear()
    with translation.override("cy"):
        paths = open_paths()
    assert "/accounts/two-step/" in paths
    assert "/cy/accounts/two-step/" in paths
    open_paths.cache_clear()
