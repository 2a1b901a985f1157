"""What every public page derives from the page tree, built once per content
generation instead of once per request: the site for a host name, the menu,
the Easy Read versions, the private sections, pictures' markup.

A generation is a random token in the cache, replaced whenever a page, a
view restriction, a site, an image or a rendition changes (saved, published,
unpublished, moved, deleted), so everything cached under the old token is
never read again and expires. Several web processes share it through the cache (Redis in
production). When the cache cannot be read (an outage), everything is built
for each request, as without this module.

Imports only Django and Wagtail.
"""

import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "content-generation"
# Derived values of an old generation are never read again; they expire.
DERIVED_TIMEOUT = 60 * 60 * 24


def generation_token(key: str) -> str | None:
    """The token kept at `key` (made when there is none yet), or None when
    the cache is down. Shared with the page cache, which keeps its own."""
    generation = cache.get(key)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(key, generation, None):
            generation = cache.get(key)
    return generation


def generation_renew(key: str) -> None:
    """A new token at `key`: whatever was kept under the old one is stale.
    Random, not a counter, so a lost key can never bring old values back."""
    cache.set(key, uuid.uuid4().hex, None)


def content_generation() -> str | None:
    """The current generation's token, or None when the cache is down."""
    return generation_token(GENERATION_KEY)


def content_generation_new(**kwargs) -> None:
    """Start a new generation: what was derived from the pages is stale."""
    generation_renew(GENERATION_KEY)


_MISSING = object()


def derived(name: str, build: Callable[[], object]):
    """`build()`, built once per generation (and per `name`)."""
    generation = content_generation()
    if generation is None:
        return build()
    key = f"derived:{generation}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, DERIVED_TIMEOUT)
    return value


def _on_page_saved_or_deleted(sender, **kwargs):
    # Pictures' markup is derived from images and their renditions too.
    if issubclass(
        sender, Page | PageViewRestriction | Site | AbstractImage | AbstractRendition
    ):
        content_generation_new()


def content_generation_connect() -> None:
    """Called once at start-up (core.apps)."""
    for signal in (post_save, post_delete):
        signal.connect(_on_page_saved_or_deleted, dispatch_uid="content-generation")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_generation_new, dispatch_uid="content-generation")


# What is derived -------------------------------------------------------------


def private_sections() -> list[tuple[str, int]]:
    """(path, depth) of every page with a view restriction."""
    return derived(
        "private-sections",
        lambda: list(
            PageViewRestriction.objects.values_list("page__path", "page__depth")
        ),
    )


def private_q() -> Q:
    """Wagtail's `PageQuerySet.private_q()`, from the cached sections: pages
    in a private section (a restricted page and its descendants)."""
    q = Q()
    for path, depth in private_sections():
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])


def public_pages(queryset):
    """Wagtail's `.public()` without its query for the restrictions."""
    return queryset.exclude(private_q())


def easy_read_links() -> dict[int, tuple[str, str]]:
    """The original page's id → (address, title) of its live Easy Read page."""
    from .models import EasyReadPage

    def build():
        links = {}
        for page in EasyReadPage.objects.live().order_by("path"):
            if page.original_id not in links:
                links[page.original_id] = (page.get_url(), page.title)
        return links

    return derived("easy-read-links", build)


def menu_pages(site: Site) -> list[tuple[str, str]]:
    """(title, address) of the site root's live pages shown in menus."""

    def build():
        return [
            (page.title, page.get_url(None, site))
            for page in site.root_page.get_children().live().in_menu()
        ]

    return derived(f"menu:{site.pk}", build)


def site_for_request(request) -> Site | None:
    """Wagtail's `Site.find_for_request`, from the cache."""
    hostname = split_domain_port(request._get_raw_host())[0]
    return derived(
        f"site:{hostname}:{request.get_port()}",
        lambda: Site._find_for_request(request),
    )


def root_page_specific(site: Site) -> Page:
    """The site's root page as its own type: every page is routed from it."""
    return derived(f"root-page:{site.pk}", lambda: site.root_page.specific)
