"""Factories for the stories index and stories. May import core and members."""

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from .models import StoryIndexPage, StoryPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Stories"
    introduction = "Blogs, videos and podcasts by members."


class StoryPageFactory(wagtail_factories.PageFactory):
    """A blog story with one paragraph, under a stories index."""

    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"What co-production meant to me ({n})")
    kind = StoryPage.Kind.BLOG
    summary = "A member writes about their first year in the group."
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>I was nervous at the first meeting.</p>"))]
    )
