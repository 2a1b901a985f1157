"""Search across the public site."""

from django.core.paginator import Paginator
from django.http import QueryDict
from taggit.models import Tag
from wagtail.models import Page

from core.content_generation import public_pages
from core.listing import page_get
from library.models import ResourcePage
from stories.models import StoryPage

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10
TAG_PAGE_SIZE = 9
RESULT_TYPES = [
    ("stories", "Stories", StoryPage),
    ("library", "Library resources", ResourcePage),
]


def pages_specific(*, pages: list[Page]) -> list[Page]:
    """The specific pages, in the same order: one query per page type, not
    one per result, without their bodies (a result shows none)."""
    ids = [page.pk for page in pages]
    specific = Page.objects.filter(pk__in=ids).defer_streamfields().specific()
    found = {page.pk: page for page in specific}
    return [found[pk] for pk in ids if pk in found]


def tag_stories(*, tag: Tag, params: QueryDict) -> dict:
    """Stories with one tag, a page at a time, newest first."""
    notices = []
    stories = (
        public_pages(StoryPage.objects.live())
        .filter(tags=tag)
        .select_related("author", "hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-date", "-pk")
    )
    page = page_get(
        items=stories, params=params, per_page=TAG_PAGE_SIZE, notices=notices
    )
    return {"stories": page, "notices": notices}


def site_search(*, params: QueryDict) -> dict:
    """Results for ?q= (and ?type=, ?page=). Long or odd queries answer normally."""
    notices = []
    query = " ".join(params.get("q", "").split())
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notices.append(
            f"Your search was long, so we used its first {MAX_QUERY_LENGTH} characters."
        )
    result_type = params.get("type", "")
    pages = public_pages(Page.objects.live()).exclude(depth__lte=1)
    types = {key: model for key, _label, model in RESULT_TYPES}
    if result_type:
        if result_type in types:
            pages = pages.type(types[result_type])
        else:
            notices.append("We do not know that kind of result, so all are shown.")
            result_type = ""

    results = None
    if query and any(ch.isalnum() for ch in query):
        results = page_get(
            items=pages.search(query, operator="or"),
            params=params,
            per_page=PAGE_SIZE,
            notices=notices,
        )
        results.object_list = pages_specific(pages=results.object_list)
    elif query:
        notices.append("Try searching with letters or numbers.")
        results = Paginator([], PAGE_SIZE).page(1)

    return {
        "query": query,
        "results": results,
        "notices": notices,
        "type_choices": [(key, label) for key, label, _model in RESULT_TYPES],
        "current": {"type": result_type},
    }
