"""Reads for the stories pages: lists, filters and related stories."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from taggit.models import Tag

from core.nations import NATION_CHOICES, NATIONS

from .models import StoryPage

PAGE_SIZE = 9


def _story_cards():
    """Everything a story card shows, in a fixed number of queries."""
    return (
        StoryPage.objects.live()
        .public()
        .select_related("author", "hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-date", "-pk")
    )


def story_list(*, index, params) -> dict:
    """Stories under `index`, filtered by ?kind=, ?tag=, ?nation=, ?page=.

    An unknown filter or page number is reported, never an error.
    """
    stories = _story_cards().child_of(index)
    notices = []
    filters = {}

    kind = params.get("kind", "")
    if kind:
        if kind in StoryPage.Kind.values:
            stories = stories.filter(kind=kind)
            filters["kind"] = StoryPage.Kind(kind).label
        else:
            notices.append("We do not know that kind of story, so all are shown.")

    nation = params.get("nation", "")
    if nation:
        if nation in NATIONS:
            stories = stories.filter(nation=nation)
            filters["nation"] = NATIONS[nation]
        else:
            notices.append("We do not know that nation, so all are shown.")

    tag_slug = params.get("tag", "")
    tag = None
    if tag_slug:
        tag = Tag.objects.filter(slug=tag_slug).first()
        if tag:
            stories = stories.filter(tags=tag)
            filters["tag"] = tag.name
        else:
            notices.append("No story has that tag, so all are shown.")

    paginator = Paginator(stories, PAGE_SIZE)
    try:
        page = paginator.page(params.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
        if "page" in params:
            notices.append("That page number does not exist; this is page 1.")

    return {
        "stories": page,
        "filters": filters,
        "notices": notices,
        "kind_choices": StoryPage.Kind.choices,
        "nation_choices": NATION_CHOICES,
        "current": {"kind": kind, "nation": nation, "tag": tag_slug},
        "popular_tags": story_tags(),
    }


def story_tags(limit: int = 12):
    from django.db.models import Count

    return (
        Tag.objects.filter(stories_storypagetag_items__isnull=False)
        .annotate(uses=Count("stories_storypagetag_items"))
        .order_by("-uses", "name")[:limit]
    )


def stories_related(*, story, limit: int = 3):
    """Stories sharing a tag with this one, newest first."""
    tag_ids = list(story.tags.values_list("pk", flat=True))
    if not tag_ids:
        return _story_cards().not_page(story).filter(kind=story.kind)[:limit]
    return _story_cards().not_page(story).filter(tags__in=tag_ids).distinct()[:limit]


def stories_latest(*, limit: int = 3, with_tags: bool = False):
    stories = _story_cards()
    if with_tags:
        stories = stories.prefetch_related("tags")
    return stories[:limit]
