"""The sitemap: Wagtail's, without a query for each page type.

Wagtail's reads every page as its specific type (a query per type) to ask it
for its addresses. Only a type that lists more than its own address (the
"Who we are" page lists each person's) needs that, so only those pages are
read whole; and a type whose addresses need nothing but the page's own
columns says so (`sitemap_urls_from_page = True`) and is not read whole
either: its get_sitemap_urls is then called with the plain Page.

Imports only Django and Wagtail.
"""

from functools import partial

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .content_generation import public_pages


class PageSitemap(Sitemap):
    def items(self):
        pages = (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .order_by("path")
            .defer_streamfields()
        )
        return list(public_pages(pages))

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            urls_of = item.get_sitemap_urls
            kind = item.specific_class
            if kind.get_sitemap_urls is not Page.get_sitemap_urls:
                if getattr(kind, "sitemap_urls_from_page", False):
                    urls_of = partial(kind.get_sitemap_urls, item)
                else:
                    urls_of = item.specific.get_sitemap_urls
            for url_info in urls_of(self.request):
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # last_mods might be empty if the whole site is private
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
