"""Reads for the stories pages: lists, filters and related stories."""

from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page

from core.content_generation import derived, public_pages
from core.languages import in_language
from core.listing import choice_filters_apply, page_get, page_kept
from core.nations import NATION_CHOICES, NATIONS

from .models import StoryPage

PAGE_SIZE = 9


def _story_cards():
    """Everything a story card shows, in a fixed number of queries, in the
    reader's language."""
    return (
        public_pages(in_language(StoryPage.objects.live()))
        .defer_streamfields()  # a card shows no body
        .select_related("author", "hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-date", "-pk")
    )


LIST_PARAMETERS = ("kind", "nation", "tag", "page")
# A longer value is no filter we offer: listed without keeping the answer.
PARAMETER_MAX_LENGTH = 100


def story_list(*, index: Page, params: QueryDict) -> dict:
    """Stories under `index`, filtered by ?kind=, ?tag=, ?nation=, ?page=,
    derived once per content generation for each choice of filters.

    An unknown filter or page number is reported, never an error.
    """
    chosen = [(name, params.get(name, "")) for name in LIST_PARAMETERS]
    if any(len(value) > PARAMETER_MAX_LENGTH for _name, value in chosen):
        return _story_list(index=index, params=params)
    return derived(
        f"story-list:{index.pk}:{urlencode(chosen)}",
        lambda: _story_list(index=index, params=params),
        # What a visitor typed stays in this process's bounded memory.
        shared=not any(value for _name, value in chosen),
    )


def _story_list(*, index: Page, params: QueryDict) -> dict:
    stories = _story_cards().child_of(index)
    notices, filters = [], {}
    stories = choice_filters_apply(
        queryset=stories,
        params=params,
        specs=[
            (
                "kind",
                "kind",
                dict(StoryPage.Kind.choices),
                _("We do not know that kind of story, so all are shown."),
            ),
            (
                "nation",
                "nation",
                NATIONS,
                _("We do not know that nation, so all are shown."),
            ),
        ],
        notices=notices,
        filters=filters,
    )
    tag_slug = params.get("tag", "")
    if tag_slug:
        tag = story_tags_all().filter(slug=tag_slug).first()
        if tag:
            stories = stories.filter(tags=tag)
            filters["tag"] = tag.name
        else:
            notices.append(_("No story has that tag, so all are shown."))
    page = page_get(items=stories, params=params, per_page=PAGE_SIZE, notices=notices)

    return {
        "stories": page_kept(page),
        "filters": filters,
        "notices": notices,
        "kind_choices": StoryPage.Kind.choices,
        "nation_choices": NATION_CHOICES,
        "current": {key: params.get(key, "") for key in ("kind", "nation", "tag")},
        "popular_tags": list(story_tags()),
    }


def story_tags_all() -> QuerySet[Tag]:
    """The tags of the live, public stories in the reader's language."""
    return Tag.objects.filter(
        stories_storypagetag_items__content_object__in=_story_cards().values("pk")
    ).distinct()


def story_tags(*, limit: int = 12) -> QuerySet[Tag]:
    """The most used tags of the stories in the reader's language."""
    from django.db.models import Count

    return (
        Tag.objects.filter(
            stories_storypagetag_items__content_object__in=_story_cards().values("pk")
        )
        .annotate(uses=Count("stories_storypagetag_items"))
        .order_by("-uses", "name")[:limit]
    )


def stories_related(
    *, story: StoryPage, tags: list[Tag] | None = None, limit: int = 3
) -> QuerySet[StoryPage]:
    """Stories sharing a tag with this one (its `tags`, when already read),
    newest first."""
    # In the editor's preview the tags are modelcluster's in-memory list,
    # which has no values_list("pk"): read them as objects.
    tag_ids = [tag.pk for tag in (story.tags.all() if tags is None else tags)]
    if not tag_ids:
        return _story_cards().not_page(story).filter(kind=story.kind)[:limit]
    return _story_cards().not_page(story).filter(tags__in=tag_ids).distinct()[:limit]


def stories_latest(*, limit: int = 3, with_tags: bool = False) -> QuerySet[StoryPage]:
    stories = _story_cards()
    if with_tags:
        stories = stories.prefetch_related("tags")
    return stories[:limit]
