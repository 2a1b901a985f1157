"""What public pages derive once per content generation
(core/content_generation.py, core/routing.py): a page read again in the same
generation runs no query, and every change a page shows is there on the next
request, with the page cache off."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core import content_generation
from core.content_generation import GENERATION_KEY, derived
from stories.models import StoryIndexPage, StoryPage
from tests.people import sign_in

pytestmark = pytest.mark.django_db

TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT")


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def story(demo_site):
    return (
        StoryPage.objects.live()
        .filter(locale__language_code="en-gb")
        .filter(author__isnull=False, hero_image__isnull=False)
        .order_by("-date", "-pk")
        .first()
    )


def statements(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(TRANSACTION_CONTROL)
    ]


@pytest.mark.parametrize(
    "url",
    ["/", "/stories/", "/stories/?kind=blog", "STORY"],
)
def test_a_public_page_read_again_in_one_generation_runs_no_query(client, story, url):
    url = story.url if url == "STORY" else url
    for _ in range(2):  # the first visit may make the pictures' renditions
        client.get(url)
    assert statements(client, url) == []


def test_search_runs_its_search_and_count_only(client, story):
    """Each result's card comes from memory, not a query per page type."""
    for _ in range(2):
        client.get("/search/?q=carers")
    assert len(statements(client, "/search/?q=carers")) == 2


def test_an_edited_story_shows_at_once(client, story):
    client.get(story.url)
    story.title = "A title the editor has just changed"
    story.save_revision().publish()
    assert "A title the editor has just changed" in client.get(story.url).text


def test_an_author_s_new_name_shows_at_once_on_their_story(client, story):
    client.get(story.url)
    author = story.author
    author.display_name = "Rhiannon the Renamed"
    author.save()
    assert "Rhiannon the Renamed" in client.get(story.url).text


def test_an_unpublished_story_is_gone_at_once(client, story):
    assert client.get(story.url).status_code == 200
    story.unpublish()
    assert client.get(story.url).status_code == 404


def test_a_moved_story_answers_at_its_new_address(client, story, demo_site):
    old_url = story.url
    client.get(old_url)
    elsewhere = demo_site.add_child(
        instance=StoryIndexPage(title="More stories", slug="more-stories")
    )
    story.move(elsewhere, pos="last-child")
    story.refresh_from_db()
    assert client.get(story.url).status_code == 200
    # Wagtail left a redirect at the old address: to the new one.
    assert client.get(old_url).headers["Location"] == story.url


def test_a_new_story_appears_in_the_list_at_once(client, story):
    client.get("/stories/")
    story.title = "Just in from the Assembly"
    story.save_revision().publish()
    assert "Just in from the Assembly" in client.get("/stories/").text


def test_filters_a_visitor_types_are_never_kept_in_the_shared_cache(client, story):
    for n in range(20):
        assert client.get(f"/stories/?tag=no-such-tag-{n}").status_code == 200
    kept = [key for key in cache._cache if "no-such-tag" in key]
    assert kept == []


def test_a_derived_value_is_loaded_afresh_for_each_use(client, story):
    cache.delete(GENERATION_KEY)
    first = derived("a-list", lambda: [1, 2, 3])
    first.append("changed by one caller")
    assert derived("a-list", lambda: ["built again"]) == [1, 2, 3]


def test_outside_a_request_the_generation_is_always_read_from_the_cache(story):
    """A worker or a command never keeps a generation of its own."""
    token = content_generation.content_generation()
    cache.set(GENERATION_KEY, "set-by-another-process", None)
    assert token != "set-by-another-process"
    assert content_generation.content_generation() == "set-by-another-process"


def test_a_change_in_a_transaction_starts_a_new_generation_again_on_commit(
    story, django_capture_on_commit_callbacks
):
    """A reader between the save and the commit derives from the old rows:
    what it keeps is under a token replaced once the commit is done."""
    before = content_generation.content_generation()
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Saved, not yet committed"
        story.save()
        during = content_generation.content_generation()
    after = content_generation.content_generation()
    assert len({before, during, after}) == 3


def test_a_process_keeps_at_most_its_memory_budget(client, story, monkeypatch):
    """Endless filter variations cost rebuilds, never unbounded memory."""
    monkeypatch.setattr(content_generation._local, "max_bytes", 20_000)
    for n in range(30):
        client.get(f"/stories/?tag=no-such-tag-{n}")
    assert 0 < content_generation._local.size <= 20_000


def test_a_private_page_kept_in_memory_is_still_refused_to_visitors(client, story):
    """Served from memory once to a member, still asked for a sign-in from
    the next visitor."""
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.LOGIN
    )
    sign_in(client, "member@example.org")
    assert client.get(story.url).status_code == 200
    client.logout()
    for _ in range(2):
        response = client.get(story.url)
        assert response.status_code == 302
        assert story.title not in response.text
