"""Search across the public site."""

import datetime
from typing import NamedTuple

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page

from core.content_generation import derived, public_pages
from core.languages import in_language
from core.listing import page_get
from library.models import ResourcePage
from stories.models import StoryPage

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10
TAG_PAGE_SIZE = 9
RESULT_TYPES = [
    ("stories", _("Stories"), StoryPage),
    ("library", _("Library resources"), ResourcePage),
]


class SearchCard(NamedTuple):
    """What a search result shows of a page."""

    pk: int
    title: str
    url: str
    # The page type's name, lazy: a card is kept for readers of either
    # language (as a lazy capfirst could not be: it does not pickle).
    verbose_name: str
    date: datetime.date | None
    summary: str

    @property
    def kind(self) -> str:
        return capfirst(str(self.verbose_name))


def search_cards() -> dict[int, SearchCard]:
    """Every public page's search result, by id, derived once per content
    generation: a result costs no query of its own."""

    def build():
        pages = public_pages(Page.objects.live()).exclude(depth__lte=1)
        return {
            page.pk: SearchCard(
                pk=page.pk,
                title=page.title,
                url=page.get_url(),
                verbose_name=page.specific_class._meta.verbose_name,
                date=getattr(page, "date", None),
                summary=getattr(page, "summary", "") or page.search_description,
            )
            for page in pages.defer_streamfields().specific()
            if page.specific_class is not None
        }

    return derived("search-cards", build, as_is=True)


def results_shown(*, pages: list[Page]) -> list[SearchCard]:
    """The results' cards, in the same order."""
    cards = search_cards()
    return [cards[page.pk] for page in pages if page.pk in cards]


def tag_stories(*, tag: Tag, params: QueryDict) -> dict:
    """Stories with one tag, a page at a time, newest first."""
    notices = []
    stories = (
        public_pages(in_language(StoryPage.objects.live()))
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
            _("Your search was long, so we used its first %(count)s characters.")
            % {"count": MAX_QUERY_LENGTH}
        )
    result_type = params.get("type", "")
    pages = public_pages(in_language(Page.objects.live())).exclude(depth__lte=1)
    types = {key: model for key, _label, model in RESULT_TYPES}
    if result_type:
        if result_type in types:
            pages = pages.type(types[result_type])
        else:
            notices.append(_("We do not know that kind of result, so all are shown."))
            result_type = ""

    results = None
    if query and any(ch.isalnum() for ch in query):
        results = page_get(
            items=pages.search(query, operator="or"),
            params=params,
            per_page=PAGE_SIZE,
            notices=notices,
        )
        results.object_list = results_shown(pages=results.object_list)
    elif query:
        notices.append(_("Try searching with letters or numbers."))
        results = Paginator([], PAGE_SIZE).page(1)

    return {
        "query": query,
        "results": results,
        "notices": notices,
        "type_choices": [(key, label) for key, label, _model in RESULT_TYPES],
        "current": {"type": result_type},
    }
