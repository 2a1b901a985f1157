"""The site's two languages, and which pages exist in which.

English (United Kingdom) is the default, at today's addresses; Welsh is under
`/cy/`. A page's language versions are Wagtail translations of it (the same
`translation_key`, made with wagtail-localize). Which live, public pages
have a version in the other language is read once per content generation
(core/content_generation.py) for the whole site, so a page costs no query
for its language link, its `hreflang` alternates or its notice.

Imports only Django, Wagtail and core.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from .content_generation import derived, public_pages

# Address parameter of an English page reached from the Welsh language link:
# the page says, in Welsh, that it has no Welsh version yet.
NOT_TRANSLATED_PARAMETER = "lang"

NAMES = dict(settings.LANGUAGES)
WELSH = "cy"


def html_lang(code: str) -> str:
    """BCP 47 as HTML wants it: en-gb → en-GB, cy → cy."""
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def current() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def other(code: str) -> str:
    return next(c for c, _ in settings.LANGUAGES if c != code)


def locale_codes() -> dict[int, str]:
    """Wagtail locale id → language code."""
    return derived(
        "locale-codes",
        lambda: dict(Locale.objects.values_list("pk", "language_code")),
        as_is=True,
    )


def page_language(page) -> str:
    return locale_codes().get(page.locale_id, settings.LANGUAGE_CODE)


def translated_pages() -> dict[str, dict[str, str]]:
    """translation_key → {language code: address} for every group of live,
    public pages that exists in more than one language."""

    def build():
        groups: dict[str, dict[str, str]] = {}
        codes = locale_codes()
        for page in public_pages(Page.objects.live()).order_by("path"):
            url = page.get_url()
            if url:
                groups.setdefault(str(page.translation_key), {}).setdefault(
                    codes.get(page.locale_id, settings.LANGUAGE_CODE), url
                )
        return {key: urls for key, urls in groups.items() if len(urls) > 1}

    return derived("translated-pages", build, as_is=True)


def versions(page, request=None) -> dict[str, str]:
    """{language code: address} of a page's live versions, itself included;
    for any other view, the same address in each language."""
    if page is not None and getattr(page, "pk", None):
        found = translated_pages().get(str(page.translation_key))
        if found:
            return found
        url = page.get_url(request)
        return {page_language(page): url} if url else {}
    if request is None:
        return {}
    path = request.get_full_path()
    return {code: translate_url(path, code) for code, _ in settings.LANGUAGES}


def locale_id(code: str | None = None) -> int | None:
    """The Wagtail locale id of a language (the one in use by default), from
    the cached map: no query."""
    code = code or current()
    for pk, language in locale_codes().items():
        if language == code:
            return pk
    return None


def in_language(pages, code: str | None = None):
    """Only the pages of a language (the one in use by default): every public
    listing shows the reader's language and no other."""
    return pages.filter(locale_id=locale_id(code))


def first_in_language(pages):
    """The first of the pages in the reader's language, or else in another
    (a page with no Welsh version yet is still linked): one query."""
    from django.db.models import Case, IntegerField, Value, When

    return (
        pages.annotate(
            in_language=Case(
                When(locale_id=locale_id(), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("in_language", "path")
        .first()
    )
