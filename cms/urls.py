"""The address map, wired here and nowhere else (apps' urls.py hold no
prefixes). Public pages sit at the top, and in Welsh under /cy/; the ways in
under /accounts/ (and /cy/accounts/);
everything else signed-in under /members/<area>/, with the lead's screens of
each area under its `manage/` segment. The README's "Addresses" lists it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.sitemaps import PageSitemap

from .old_addresses import old_addresses

members_area = [
    path("", include("intranet.urls")),
    path("", include("members.urls")),
    path("notifications/", include("notifications.urls")),
    path("charter/", include("charter.urls")),
    path("plans/", include("plans.urls")),
    path("opportunities/", include("opportunities.urls")),
    path("payments/", include("payments.urls")),
    path("figures/", include("figures.urls")),
    path("meetings/", include("impact.meeting_urls")),
    path("format-requests/", include("formats.request_urls")),
    path("networks/", include("networks.manage_urls")),
    path("reflections/", include("impact.reflection_urls")),
    path("changes/", include("impact.change_urls")),
    path("heard/", include("impact.heard_urls")),
    path("impact/", include("impact.impact_urls")),
    path("channel/", include("channel.urls")),
    path("projects/", include("projects.urls")),
]

urlpatterns = [
    # One way in: Wagtail's own sign-in form leads to the site's.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="accounts:login", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("members/", include(members_area)),
    path(
        "sitemap.xml", sitemap, {"sitemaps": {"wagtail": PageSitemap}}, name="sitemap"
    ),
    # Addresses of earlier releases, still in emails already sent.
    *old_addresses,
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What the public reads, in English at today's addresses and in Welsh under
# /cy/ (the members' area follows each member's own language instead).
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("another-format/", include("formats.urls")),
    path("suggest-a-network/", include("networks.urls")),
    path("search/", include("search.urls")),
    path("tags/", include("search.tag_urls")),
    path("feeds/", include("stories.urls")),
    path("", include("core.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
