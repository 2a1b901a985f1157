"""The page cache for anonymous readers: whole public pages kept in Django's
`default` cache (local memory in development, Redis in production) for
PAGE_CACHE_SECONDS; 0 turns it off.

Who: only a GET or HEAD without a session cookie (nor a messages cookie,
nor credentials) is served from or stored in the cache. Whether a request is
anonymous is read from its cookies, never from the session: a hit costs
one round trip to the cache and no session, auth or database work. Never
under the private prefixes (`NEVER_CACHED`: the admin and its previews, the
members' area, the ways in, documents, the health check).

What: a 200 that sets no cookie, streams nothing and does not say
`private`, `no-store` or `no-cache`; a page with a form that posts sets the
CSRF cookie, so it is never stored. A query string is part of the key only
when it names nothing but `PAGE_PARAMETERS` (search, filters, paging) and is
short; anything else (tracking tags, junk) renders without the cache. An
attacker can still vary `?q=` endlessly, so at most
PAGE_CACHE_QUERY_VARIANTS pages with a query string are stored per
generation and per PAGE_CACHE_SECONDS: past that they are rendered, not
stored, and the pages without a query string are never crowded out.

Reader settings: the key holds the parsed, normalised reader preferences
(core/reader_preferences.py), so large text and high contrast are in the
first paint of a cached page too, and a forged or garbage cookie is the
default settings, not a new key.

Purging: a site of this size changes a few times a day and one snippet (the
menu, a topic, a profile, an image) shows on many pages, so working out
which pages an edit touches is not worth its risk. Instead every stored page
holds a site-wide generation (read with it in one round trip), and any
change a page can show (a page published, unpublished, moved or deleted; a
snippet, image, document, media item, site setting, site, tag or view
restriction saved or deleted; a model an app names with
`page_cache_purge_on`) sets a new one: every cached page is missed at once,
rendered again and stored over its old entry. The generation is a random
token, not a counter, so a generation key lost to eviction or a Redis
restart can never bring old pages back. It is changed when the database
transaction commits: a reader who renders the page in between stores it
under the old generation, never the new one. The same changes start a new
content generation (core/content_generation.py).

Proxies: a stored page says `Cache-Control: public, max-age=0,
s-maxage=PROXY_SECONDS` and `Vary: Cookie`: browsers ask again each time
(a cheap hit), and a shared proxy in front, which no purge reaches, may keep
it for at most a minute. Signed-in and private responses keep
`private, no-store` (core.middleware.PrivatePagesNoStoreMiddleware).

`X-Page-Cache` says what happened: `hit` (served from the cache), `miss`
(rendered and stored), `pass` (rendered, not stored: the request or the
response may not be cached). No header: the request was never a candidate
(signed in, private, not a GET or HEAD) or the cache is off.

Imports only Django, Wagtail (and the libraries it brings) and core.
"""

import functools
import hashlib
import time
from typing import NamedTuple

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers

from .content_generation import (
    GenerationMemory,
    content_generation_new,
    generation_renew,
    generation_token,
)
from .generation_watch import GenerationWatch, generation_publish
from .reader_preferences import ReaderPreferences, reader_preferences_from_cookie

# Never served from or stored in the page cache, whoever asks.
NEVER_CACHED = (
    "/admin/",
    "/members/",
    "/accounts/",
    "/documents/",
    "/health/",
)
# Query parameters public pages read (search, listing filters, paging).
PAGE_PARAMETERS = frozenset(
    {"q", "page", "type", "kind", "nation", "tag", "topic", "audience"}
)
# Longer query strings are rendered, not stored.
QUERY_MAX_LENGTH = 200
# How long a proxy in front may keep a page: no purge reaches it.
PROXY_SECONDS = 60
# Headers the middlewares outside this one add to every response.
NOT_STORED_HEADERS = frozenset({"set-cookie", "x-page-cache", "x-request-id"})
GENERATION_KEY = "page_cache:generation"
# What a process keeps of the pages in its memory.
LOCAL_MAX_BYTES = 32 * 1024 * 1024
# The key's part for a reader with no settings cookie: most readers.
DEFAULT_PREFERENCES = ReaderPreferences().as_cookie_value()
HEADER = "X-Page-Cache"


def page_cache_purge() -> None:
    """Every cached page is out of date once the current transaction commits
    (at once outside a transaction), and so is what was derived from them."""
    content_generation_new()
    transaction.on_commit(_generation_new)


def _generation_new() -> None:
    token = generation_renew(GENERATION_KEY)
    generation_publish(GENERATION_KEY, token)
    _watch.told(token)


def _generation() -> str | None:
    """The current generation; None when the cache cannot keep one (Redis
    down): then nothing is looked up or stored."""
    return generation_token(GENERATION_KEY)


# The generation as this process heard it (core/generation_watch.py).
_watch = GenerationWatch(GENERATION_KEY, _generation)


# The pages of the current generation this process has served: a hit whose
# generation the watch knows needs no round trip to Redis.
_local_pages = GenerationMemory(LOCAL_MAX_BYTES)


def _candidate(request) -> bool:
    """May this request be answered from the cache at all? Cookies and path
    only: no session is opened."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(NEVER_CACHED):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    return "authorization" not in request.headers


def _query_cacheable(request) -> bool:
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return True
    return len(query) <= QUERY_MAX_LENGTH and set(request.GET) <= PAGE_PARAMETERS


def _key(request) -> str:
    """The address and the reader settings; the generation is kept in the
    stored value, so that a hit is one round trip to the cache (the
    generation and the page read together)."""
    if settings.READER_PREFERENCES_COOKIE in request.COOKIES:
        preferences = reader_preferences_from_cookie(request).as_cookie_value()
    else:
        preferences = DEFAULT_PREFERENCES
    address = request.build_absolute_uri()
    digest = hashlib.sha256(f"{address}\n{preferences}".encode()).hexdigest()
    return f"page_cache:page:{digest}"


def _response_cacheable(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Encoding"):
        return False
    directives = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & {"private", "no-store", "no-cache"}:
        return False
    varies = {
        header.strip().lower()
        for header in response.get("Vary", "").split(",")
        if header.strip()
    }
    # The key stands for the cookies a page may depend on; nothing else.
    return varies <= {"cookie"}


def _query_variant_allowed(generation: str) -> bool:
    """At most PAGE_CACHE_QUERY_VARIANTS pages with a query string stored per
    generation and per PAGE_CACHE_SECONDS."""
    counter = f"page_cache:{generation}:query_variants"
    cache.add(counter, 0, timeout=settings.PAGE_CACHE_SECONDS)
    try:
        stored = cache.incr(counter)
    except ValueError:  # expired in between, or the cache is unreachable
        return False
    return stored <= settings.PAGE_CACHE_QUERY_VARIANTS


class Kept(NamedTuple):
    """A page as the cache keeps it."""

    generation: str
    kept_at: float  # time.time(): a copy in a process's memory expires too
    status: int
    headers: list
    content: bytes

    def fresh(self, generation: str) -> bool:
        return (
            self.generation == generation
            and time.time() - self.kept_at < settings.PAGE_CACHE_SECONDS
        )

    @property
    def size(self) -> int:
        return len(self.content) + 1024  # the content, and about its headers


def _stored(response, generation: str) -> Kept:
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in NOT_STORED_HEADERS
    ]
    return Kept(
        generation, time.time(), response.status_code, headers, response.content
    )


def _from_stored(stored: Kept) -> HttpResponse:
    response = HttpResponse(stored.content, status=stored.status)
    for name, value in stored.headers:
        response[name] = value
    return response


def _found(key: str) -> tuple[str | None, Kept | None]:
    """(the current generation, the page stored at `key`): from this
    process's memory when the watch knows the generation, else in one round
    trip to the cache."""
    generation = _watch.current()
    if generation is not None:
        stored = _local_pages.get(generation, key)
        if stored is None or not stored.fresh(generation):
            stored = cache.get(key)
            if stored is not None and stored.fresh(generation):
                _local_pages.set(generation, key, stored, size=stored.size)
        return generation, stored
    found = cache.get_many([GENERATION_KEY, key])
    return found.get(GENERATION_KEY) or _generation(), found.get(key)


class PageCacheMiddleware:
    """Serves anonymous readers from the page cache and fills it. Sits right
    after SecurityMiddleware, the request id and WhiteNoise: everything a
    hit skips (sessions, sign-in, CSRF, the view) is inside it, and the
    headers the inner middlewares add (CSP, X-Frame-Options, Vary) are
    stored with the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0 or not _candidate(request):
            return self.get_response(request)
        if not _query_cacheable(request):
            return self._pass(self.get_response(request))
        key = _key(request)
        generation, stored = _found(key)
        if generation is None:
            return self._pass(self.get_response(request))
        # A page stored under an older generation is out of date: rendered
        # again and stored over it.
        if stored is not None and stored.fresh(generation):
            response = _from_stored(stored)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if request.method != "GET" or not _response_cacheable(response):
            return self._pass(response)
        if request.META.get("QUERY_STRING") and not _query_variant_allowed(generation):
            return self._pass(response)
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=min(PROXY_SECONDS, seconds)
        )
        patch_vary_headers(response, ["Cookie"])
        stored = _stored(response, generation)
        cache.set(key, stored, timeout=seconds)
        _local_pages.set(generation, key, stored, size=stored.size)
        response[HEADER] = "miss"
        return response

    @staticmethod
    def _pass(response):
        response[HEADER] = "pass"
        return response


def page_cache_purge_on(model) -> None:
    """Purge the page cache whenever `model` is saved or deleted: for models
    public pages show that are not snippets, images, documents or media
    (those purge already). Call it from the app's AppConfig.ready()."""
    _purging_models.add(model)


_purging_models: set = set()


@functools.cache
def _shown_on_pages() -> tuple:
    """What pages show besides pages (asked once the apps are ready)."""
    from taggit.models import TagBase
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models
    from wagtailmedia.models import AbstractMedia

    return (
        AbstractImage,
        AbstractDocument,
        AbstractMedia,
        BaseSiteSetting,
        BaseGenericSetting,
        Site,
        TagBase,
        # A page made private (or public again) must leave the cache at once.
        BaseViewRestriction,
        *get_snippet_models(),
    )


def _purges(sender) -> bool:
    return sender in _purging_models or issubclass(sender, _shown_on_pages())


def on_model_change(sender, **kwargs) -> None:
    """post_save / post_delete of any model: purge if pages can show it. A
    page's own save is not enough (drafts and autosave save the page): pages
    purge when published, unpublished, moved or deleted."""
    if kwargs.get("raw"):
        return  # loading fixtures
    if _purges(sender):
        page_cache_purge()


def on_page_deleted(sender, **kwargs) -> None:
    from wagtail.models import Page

    if issubclass(sender, Page):
        page_cache_purge()


def on_page_change(sender, **kwargs) -> None:
    page_cache_purge()


def page_cache_receivers_connect() -> None:
    """Called once from CoreConfig.ready()."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(on_page_change, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_page_change, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(on_page_change, dispatch_uid="page_cache_moved")
    post_save.connect(on_model_change, dispatch_uid="page_cache_save")
    post_delete.connect(on_model_change, dispatch_uid="page_cache_delete")
    post_delete.connect(on_page_deleted, dispatch_uid="page_cache_page_delete")
