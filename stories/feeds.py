"""RSS and Atom feeds of the newest stories."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .selectors import stories_latest


class StoriesFeed(Feed):
    title = _("Co-production Hub: stories")
    link = "/stories/"
    description = _("Blogs, videos and podcasts by members of the group.")

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
