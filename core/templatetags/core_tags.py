import hashlib
from decimal import Decimal, InvalidOperation

from django import template
from django.conf import settings
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page, Site

from core import languages
from core.content_generation import (
    derived,
    easy_read_links,
    footer_pages,
    menu_pages,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def filter_url(context, name, value=""):
    """This page's address with one filter set (or cleared) and paging reset."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    if value:
        params[name] = value
    else:
        params.pop(name, None)
    return f"?{params.urlencode()}" if params else "?"


@register.inclusion_tag("components/site_nav.html", takes_context=True)
def site_nav(context):
    """The site root's menu pages, marked current when we are inside one."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site:
        current = request.path
        home = reverse("wagtail_serve", args=("",))
        items.append({"title": _("Home"), "url": home, "current": current == home})
        for title, url in menu_pages(site):
            items.append(
                {
                    "title": title,
                    "url": url,
                    "current": bool(url) and current.startswith(url),
                }
            )
    return {"items": items}


@register.simple_tag(takes_context=True)
def site_footer_pages(context):
    """(title, address) of the accessibility statement, privacy notice and
    cookies page, those that exist: the footer links to each."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return footer_pages(site) if site else []


@register.inclusion_tag("components/easy_read_link.html", takes_context=True)
def easy_read_link(context, page):
    """A link to the page's Easy Read version, when it has a live one."""
    from core.models import EasyReadPage

    url, title = (
        easy_read_links().get(page.pk, (None, None))
        if page and page.pk and not isinstance(page, EasyReadPage)
        else (None, None)
    )
    return {"request": context.get("request"), "easy_read_url": url, "title": title}


@register.simple_tag
def distinct_widths(picture, **attrs):
    """Render a picture from `{% picture … as picture %}` naming each width once.

    A rendition is never wider than its original, so a 480-pixel photo asked
    for at 480 and 800 gives two 480w candidates, which HTML forbids."""
    if not picture:
        return ""
    kept = {}
    for rendition in picture.renditions:
        image_format = next(
            (op for op in rendition.filter_spec.split("|") if op.startswith("format-")),
            "",
        )
        kept.setdefault((image_format, rendition.width), rendition)
    renditions = {rendition.filter_spec: rendition for rendition in kept.values()}
    formats = [image_format for image_format, _ in kept]
    if all(formats.count(image_format) < 2 for image_format in formats):
        # One width (a small original, or a file gone missing): no srcset is
        # written, and HTML allows `sizes` only beside a srcset.
        attrs.pop("sizes", None)
    return type(picture)(renditions, attrs).__html__()


# Named renditions and their `sizes`, so that templates hold no spec strings
# (the check for unmarked words would read them as English).
PICTURES = {
    "wide": (
        "format-{webp,jpeg} width-{400,800,1200}",
        "(max-width: 48rem) 100vw, 48rem",
    ),
    "story_card": (
        "format-{webp,jpeg} fill-{400x225,800x450}",
        "(max-width: 48rem) 100vw, 24rem",
    ),
    "profile_card": ("format-{webp,jpeg} fill-{240x240,480x480}", "12rem"),
    "easy_read_point": ("format-{webp,jpeg} fill-{200x200,400x400}", "10rem"),
}


@register.simple_tag
def distinct_picture(image, specs, **attrs):
    """`{% picture image <specs> as picture %}{% distinct_widths picture … %}`
    in one tag, its markup kept for the content generation (a new image or
    rendition starts a new one): finding the renditions is most of what a
    card with a picture costs to render."""
    if not image:
        return ""
    if specs in PICTURES:
        specs, sizes = PICTURES[specs]
        attrs = {"sizes": sizes, **attrs}

    def build():
        filters = [Filter(spec=spec) for spec in Filter.expand_spec(specs)]
        picture = Picture(get_renditions_or_not_found(image, filters))
        return str(distinct_widths(picture, **attrs))

    described = "|".join(
        [str(image.pk), specs, *(f"{k}={v}" for k, v in sorted(attrs.items()))]
    )
    key = hashlib.sha256(described.encode()).hexdigest()
    return mark_safe(derived(f"picture:{key}", build))


@register.filter
def pounds(value) -> str:
    """Money as people read it, the one way every page writes it: £1,234.50,
    and -£5.00 for a negative amount. Empty for no amount."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}£{floatformat(abs(amount), '2g')}"


# Languages (core/languages.py) -----------------------------------------------


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) and page.pk else None


@register.simple_tag(takes_context=True)
def html_lang(context):
    """`<html lang>`: a page's own language, else the language in use."""
    page = _page(context)
    return languages.html_lang(
        languages.page_language(page) if page else languages.current()
    )


@register.filter
def bcp47(code: str) -> str:
    """A language code as `lang` wants it: {{ person.language|bcp47 }}."""
    return languages.html_lang(code or "")


@register.inclusion_tag("components/language_link.html", takes_context=True)
def language_link(context):
    """The header's link to this page in the other language; where a page
    has no Welsh version yet, to the English page with a Welsh notice."""
    request = context.get("request")
    page = _page(context)
    here = languages.page_language(page) if page else languages.current()
    there = languages.other(here)
    found = languages.versions(page, request)
    if there in found:
        url = found[there]
    elif page and there == languages.WELSH and here in found:
        url = f"{found[here]}?{languages.NOT_TRANSLATED_PARAMETER}={there}"
    else:
        with translation.override(there):
            url = reverse("wagtail_serve", args=("",))
    return {
        "url": url,
        "name": languages.NAMES[there],
        "lang": languages.html_lang(there),
    }


@register.inclusion_tag("components/language_switch.html", takes_context=True)
def language_switch(context):
    """In the members' area, where the language is the signed-in person's
    own: a button that makes the other language theirs."""
    request = context.get("request")
    there = languages.other(languages.current())
    return {
        "language": there,
        "name": languages.NAMES[there],
        "lang": languages.html_lang(there),
        "next": request.get_full_path() if request else "",
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("components/language_alternates.html", takes_context=True)
def language_alternates(context):
    """`<link rel="alternate" hreflang>` for each language this address
    exists in, and x-default (English)."""
    request = context.get("request")
    if request is None:
        return {"alternates": []}
    found = languages.versions(_page(context), request)
    if len(found) < 2:
        return {"alternates": []}
    alternates = [
        (languages.html_lang(code), request.build_absolute_uri(url))
        for code, url in found.items()
    ]
    if settings.LANGUAGE_CODE in found:
        alternates.append(
            ("x-default", request.build_absolute_uri(found[settings.LANGUAGE_CODE]))
        )
    return {"alternates": alternates}


@register.simple_tag(takes_context=True)
def not_translated(context):
    """True on an English page reached from the Welsh language link."""
    request = context.get("request")
    page = _page(context)
    return bool(
        request
        and page
        and request.GET.get(languages.NOT_TRANSLATED_PARAMETER) == languages.WELSH
        and languages.page_language(page) != languages.WELSH
    )
