"""The stories' feeds (mounted at /feeds/)."""

from django.urls import path

from .feeds import StoriesAtomFeed, StoriesFeed

app_name = "feeds"

urlpatterns = [
    path("stories.rss", StoriesFeed(), name="stories_rss"),
    path("stories.atom", StoriesAtomFeed(), name="stories_atom"),
]
