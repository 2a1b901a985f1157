from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views
from stories.feeds import StoriesAtomFeed, StoriesFeed

urlpatterns = [
    # One way in: Wagtail's own sign-in form leads to the site's.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="accounts:login", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("notifications/", include("notifications.urls")),
    path("members/", include("dashboard.urls")),
    path("members/", include("members.urls")),
    path("members/charter/", include("charter.urls")),
    path("members/plans/", include("plans.urls")),
    path("members/opportunities/", include("opportunities.urls")),
    path("members/payments/", include("payments.urls")),
    path("members/figures/", include("figures.urls")),
    path("", include("formats.urls")),
    path("search/", search_views.search, name="search"),
    path("tags/", search_views.tag_index, name="tag_index"),
    path("tags/<slug:slug>/", search_views.tag, name="tag"),
    path("feeds/stories.rss", StoriesFeed(), name="stories_rss"),
    path("feeds/stories.atom", StoriesAtomFeed(), name="stories_atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("core.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
