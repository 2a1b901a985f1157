"""Listing pages cost the same number of queries however many items they list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models import LibraryIndexPage, ResourcePage
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    client.get(url)  # warm the caches a running site has warm
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def add_copies(model, parent, count, **overrides):
    template = model.objects.live().filter(**overrides).first()
    for n in range(count):
        copy = template.copy(
            to=parent,
            update_attrs={"slug": f"{template.slug}-copy-{n}", "title": f"Copy {n}"},
            keep_live=True,
        )
        copy.save_revision().publish()


# Page 2 holds 4 stories before and 9 after: more items, same queries.
@pytest.mark.parametrize("url", ["/stories/?page=2", "/feeds/stories.rss", "/"])
def test_story_lists_do_not_grow_with_the_number_of_stories(client, demo_site, url):
    before = queries_for(client, url)
    add_copies(StoryPage, StoryIndexPage.objects.get(), 6, kind="video")
    after = queries_for(client, url)
    assert after == before
    assert before <= 25


def test_the_library_does_not_grow_with_the_number_of_resources(client, demo_site):
    before = queries_for(client, "/library/?page=2")
    add_copies(
        ResourcePage, LibraryIndexPage.objects.get(), 6, resource_type="document"
    )
    after = queries_for(client, "/library/?page=2")
    assert after == before
