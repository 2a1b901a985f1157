"""Search across the public site."""

from django.core.paginator import Paginator
from django.http import QueryDict
from wagtail.models import Page

from core.listing import page_get
from library.models import ResourcePage
from stories.models import StoryPage

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10
RESULT_TYPES = [
    ("stories", "Stories", StoryPage),
    ("library", "Library resources", ResourcePage),
]


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
    pages = Page.objects.live().public().exclude(depth__lte=1)
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
        results.object_list = [page.specific for page in results.object_list]
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
