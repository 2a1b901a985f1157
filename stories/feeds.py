"""RSS and Atom feeds of the newest stories."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.content_generation import derived
from core.languages import current, first_in_language

from .models import StoryIndexPage
from .selectors import stories_latest


def stories_index_url() -> str:
    """The stories page of the language in use (the English one until it
    has a Welsh version)."""

    def build():
        index = first_in_language(StoryIndexPage.objects.live())
        return index.get_url() if index else "/"

    return derived(f"stories-index-url:{current()}", build, as_is=True)


class StoriesFeed(Feed):
    """The newest stories in the language of the address: /feeds/… in
    English, /cy/feeds/… in Welsh."""

    title = _("Co-production Hub: stories")
    description = _("Blogs, videos and podcasts by members of the group.")

    def link(self):
        return stories_index_url()

    def items(self):
        return stories_latest(limit=20, with_tags=True)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_author_name(self, item):
        return item.author.display_name if item.author else None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class StoriesAtomFeed(StoriesFeed):
    feed_type = Atom1Feed
    subtitle = StoriesFeed.description
