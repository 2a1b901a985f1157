"""What every public page derives from the page tree, built once per content
generation instead of once per request: the site for a host name, the menu,
the Easy Read versions, the private sections, pictures' markup, the pages
themselves as they are served.

A generation is a random token in the cache, replaced whenever a page, a
view restriction, a site, an image or a rendition changes (saved, published,
unpublished, moved, deleted), and whenever the page cache is purged (a
snippet, a tag, a setting: anything a page shows), so everything derived
under the old token is never read again. It is replaced at once and again
when the database transaction commits: a reader who derived a value from the
old rows in between stored it under the first new token, never the last.
Several web processes share it through the cache (Redis in production).

Each value is kept twice: in the cache, so that one process builds it for
all, and in the process's memory, so that a request reads the token once
(one round trip to Redis) and then every value from memory. Values other
than text are kept pickled and loaded afresh for each use: no request sees
what another one did to its objects. When the cache cannot be read (an
outage), everything is built for each request, as without this module.

Imports only Django and Wagtail.
"""

import pickle
import threading
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "content-generation"
# Derived values of an old generation are never read again; they expire.
DERIVED_TIMEOUT = 60 * 60 * 24
# What a process keeps in memory for one generation: past this the memory
# starts again (a site of this size derives a few hundred values, 2 MB).
LOCAL_MAX_BYTES = 32 * 1024 * 1024


def generation_token(key: str) -> str | None:
    """The token kept at `key` (made when there is none yet), or None when
    the cache is down. Shared with the page cache, which keeps its own."""
    generation = cache.get(key)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(key, generation, None):
            generation = cache.get(key)
    return generation


def generation_renew(key: str) -> str:
    """A new token at `key`: whatever was kept under the old one is stale.
    Random, not a counter, so a lost key can never bring old values back."""
    token = uuid.uuid4().hex
    cache.set(key, token, None)
    return token


_UNREAD = object()


class _Request(threading.local):
    """The generation a request has read: once per request (None: the cache
    did not answer, and is not asked again until the next request), never
    outside one (a worker or a command always asks the cache)."""

    active = False
    generation = _UNREAD


_request = _Request()


def _request_started(**kwargs) -> None:
    _request.active = True
    _request.generation = _UNREAD


def _request_finished(**kwargs) -> None:
    _request.active = False
    _request.generation = _UNREAD


def content_generation() -> str | None:
    """The current generation's token, or None when the cache is down."""
    if _request.active and _request.generation is not _UNREAD:
        return _request.generation
    generation = generation_token(GENERATION_KEY)
    if _request.active:
        _request.generation = generation
    return generation


def _content_generation_renew() -> None:
    token = generation_renew(GENERATION_KEY)
    if _request.active:
        _request.generation = token


def content_generation_new(**kwargs) -> None:
    """Start a new generation: what was derived from the pages is stale. At
    once (this request sees its own change) and, inside a transaction, again
    when it commits (see the module's note)."""
    _content_generation_renew()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_content_generation_renew)


_MISSING = object()


class _Pickled:
    __slots__ = ("data",)

    def __init__(self, value):
        self.data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


class GenerationMemory:
    """Values of one generation in this process's memory, within
    `max_bytes` (as each value's `size` counts them): a value of another
    generation is never answered, and past the budget the memory starts
    again. Shared with the page cache."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.lock = threading.Lock()
        self.generation, self.values, self.size = None, {}, 0

    def get(self, generation: str, name: str, default=None):
        with self.lock:
            if generation != self.generation:
                return default
            return self.values.get(name, default)

    def set(self, generation: str, name: str, value, *, size: int) -> None:
        with self.lock:
            if generation != self.generation or self.size + size > self.max_bytes:
                self.generation, self.values, self.size = generation, {}, 0
            self.values[name] = value
            self.size += size


# Kept text and pickles are counted; a value kept `as_is` is one of a few,
# each the site's whole.
_local = GenerationMemory(LOCAL_MAX_BYTES)


def derived(
    name: str,
    build: Callable[[], object],
    *,
    shared: bool = True,
    as_is: bool = False,
):
    """`build()`, built once per generation (and per `name`).

    A `name` made from what a visitor typed (a filter, a page number) is
    kept in this process's memory only (`shared=False`): its memory is
    bounded, so endless variations cost rebuilds, never the cache's space.
    A value no caller ever changes (plain tuples, dicts and lists of them)
    may be kept in memory `as_is`, not loaded afresh for each use: what is
    read from the whole site at once, where loading would cost most."""
    generation = content_generation()
    if generation is None:
        return build()
    kept = _local.get(generation, name, _MISSING)
    if isinstance(kept, _Pickled):
        return pickle.loads(kept.data)
    if kept is not _MISSING:
        return kept
    key = f"derived:{generation}:{name}"
    value = cache.get(key, _MISSING) if shared else _MISSING
    if value is _MISSING:
        value = build()
        if shared:
            cache.set(key, value, DERIVED_TIMEOUT)
    if isinstance(value, str):
        kept, size = value, len(value)
    elif as_is:
        kept, size = value, len(name)
    else:
        kept = _Pickled(value)
        size = len(kept.data)
    _local.set(generation, name, kept, size=size)
    return value


def _on_page_saved_or_deleted(sender, **kwargs):
    # Pictures' markup is derived from images and their renditions too.
    if issubclass(
        sender, Page | PageViewRestriction | Site | AbstractImage | AbstractRendition
    ):
        content_generation_new()


def content_generation_connect() -> None:
    """Called once at start-up (core.apps)."""
    request_started.connect(_request_started, dispatch_uid="content-generation")
    request_finished.connect(_request_finished, dispatch_uid="content-generation")
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
        as_is=True,
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

    return derived("easy-read-links", build, as_is=True)


def menu_pages(site: Site) -> list[tuple[str, str]]:
    """(title, address) of the site root's live pages shown in menus, in the
    language in use (the Welsh home page's, under /cy/)."""

    def build():
        return [
            (page.title, page.get_url(None, site))
            for page in site.root_page.localized.get_children().live().in_menu()
        ]

    return derived(f"menu:{site.pk}:{get_language()}", build, as_is=True)


# The pages every public site owes, linked from every page's footer in this
# order: general pages right under the site's home page, found by their slug
# (README "Pages every site owes"). A page that is absent, a draft or private
# is simply not linked.
FOOTER_PAGE_SLUGS = ("accessibility", "privacy", "cookies")


def footer_pages(site: Site) -> list[tuple[str, str]]:
    """(title, address) of the site root's live, public footer pages, in
    the language in use (the Welsh versions of the English pages, whatever
    their slugs), in FOOTER_PAGE_SLUGS's order."""

    def build():
        root = site.root_page.localized
        english = dict(
            site.root_page.get_children()
            .filter(slug__in=FOOTER_PAGE_SLUGS)
            .values_list("translation_key", "slug")
        )
        pages = public_pages(
            root.get_children().live().filter(translation_key__in=english)
        )
        order = {key: FOOTER_PAGE_SLUGS.index(slug) for key, slug in english.items()}
        return [
            (page.title, page.get_url(None, site))
            for page in sorted(pages, key=lambda page: order[page.translation_key])
        ]

    return derived(f"footer:{site.pk}:{get_language()}", build, as_is=True)


def site_for_request(request) -> Site | None:
    """Wagtail's `Site.find_for_request`, from the cache."""
    hostname = split_domain_port(request._get_raw_host())[0]
    return derived(
        f"site:{hostname}:{request.get_port()}",
        lambda: Site._find_for_request(request),
    )


def root_page_specific(site: Site) -> Page:
    """The site's root page as its own type, in the language in use (its
    Welsh version under /cy/, when it has one): every page is routed from
    it."""

    def build():
        page = site.root_page.localized.specific
        page._kept_for_language = language
        return page

    language = get_language()
    return derived(f"root-page:{site.pk}:{language}", build)


def site_root_paths() -> list:
    """Wagtail's `Site.get_site_root_paths()`: every page's address asks."""
    return derived("site-root-paths", Site.get_site_root_paths, as_is=True)
