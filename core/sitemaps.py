"""The sitemap: Wagtail's, without a query for each page type.

Wagtail's reads every page as its specific type (a query per type) to ask it
for its addresses. Only a type that lists more than its own address (the
"Who we are" page lists each person's) needs that, so only those pages are
read whole.

Imports only Django and Wagtail.
"""

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
            if item.specific_class.get_sitemap_urls is not Page.get_sitemap_urls:
                item = item.specific
            for url_info in item.get_sitemap_urls(self.request):
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # last_mods might be empty if the whole site is private
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
