"""The sitemap: Wagtail's, without a query for each page type.

Wagtail's reads every page as its specific type (a query per type) to ask it
for its addresses. Only a type that lists more than its own address (the
"Who we are" page lists each person's) needs that, so only those pages are
read whole; and a type whose addresses need nothing but the page's own
columns says so (`sitemap_urls_from_page = True`) and is not read whole
either: its get_sitemap_urls is then called with the plain Page.

Both languages' pages are listed (the Welsh home page and its pages sit
beside the English ones, as translations of the site's root page), each
address with an `<xhtml:link rel="alternate" hreflang>` for every language
version of it and x-default (English), as Google reads hreflang in sitemaps.
The versions come from core.languages.translated_pages: no query per page.

Imports only Django, Wagtail and core.
"""

from functools import partial

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.db.models.functions import Substr
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from . import languages
from .content_generation import public_pages


class PageSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        # The root's language versions are its siblings: a page is in the
        # site when the ancestor at the root's depth is one of them (one
        # statement, however many languages).
        prefix = Substr(OuterRef("path"), 1, len(root.path))
        a_root = Page.objects.filter(
            translation_key=root.translation_key, depth=root.depth, path=prefix
        )
        pages = (
            Page.objects.filter(depth__gte=root.depth)
            .filter(Exists(a_root))
            .live()
            .order_by("path")
            .defer_streamfields()
        )
        return list(public_pages(pages))

    def _alternates(self, item, urls):
        """Each address's language versions (a sub-address of a routable
        page, such as a person's profile, in each version of that page)."""
        versions = languages.translated_pages().get(str(item.translation_key))
        if not versions:
            return
        root_url = self.get_wagtail_site().root_url
        full = {
            code: url if url.startswith("http") else root_url + url
            for code, url in versions.items()
        }
        own = full.get(languages.page_language(item))
        if own is None:
            return
        for url_info in urls:
            location = url_info["location"]
            if not location.startswith(own):
                continue
            rest = location[len(own) :]
            alternates = [
                {"lang_code": languages.html_lang(code), "location": url + rest}
                for code, url in full.items()
            ]
            if settings.LANGUAGE_CODE in full:
                alternates.append(
                    {
                        "lang_code": "x-default",
                        "location": full[settings.LANGUAGE_CODE] + rest,
                    }
                )
            url_info["alternates"] = alternates

    def _full_versions(self, item) -> dict[str, str]:
        versions = languages.translated_pages().get(str(item.translation_key)) or {}
        root_url = self.get_wagtail_site().root_url
        return {
            code: url if url.startswith("http") else root_url + url
            for code, url in versions.items()
        }

    def _from_another_version(self, item, listed):
        """A routable page's addresses from its other language version's,
        already listed: the same sub-addresses under its own address (no
        query for its type or for what it lists, again)."""
        versions = self._full_versions(item)
        own = versions.get(languages.page_language(item))
        for code, url in versions.items():
            if own and (other := listed.get((str(item.translation_key), code))):
                return [
                    {**info, "location": own + info["location"][len(url) :]}
                    for info in other
                    if info["location"].startswith(url)
                ]
        return None

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        listed = {}
        for item in self.paginator.page(page).object_list:
            urls_of = item.get_sitemap_urls
            kind = item.specific_class
            if kind.get_sitemap_urls is not Page.get_sitemap_urls:
                if (found := self._from_another_version(item, listed)) is not None:
                    urls_of = partial(lambda found, request: found, found)
                elif getattr(kind, "sitemap_urls_from_page", False):
                    urls_of = partial(kind.get_sitemap_urls, item)
                else:
                    urls_of = item.specific.get_sitemap_urls
            found = list(urls_of(self.request))
            key = (str(item.translation_key), languages.page_language(item))
            listed[key] = [dict(info) for info in found]
            self._alternates(item, found)
            for url_info in found:
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # last_mods might be empty if the whole site is private
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
