"""Wagtail's reports answer only to the people who may review; syncing
translations never publishes them."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext

from .access import may_open_reports

REPORTS_NAMESPACE = "wagtailadmin_reports"


class ReportsForReviewersMiddleware:
    """Every address under the admin's reports/ (Wagtail's and any report
    added later) refuses anyone else, as if it did not exist; hiding the
    menu item alone left them open to anyone who typed the address."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self.prefix is None:
            self.prefix = reverse("wagtailadmin_home") + "reports/"
        is_report = REPORTS_NAMESPACE in request.resolver_match.namespaces
        if not (is_report or request.path.startswith(self.prefix)):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(
                request.get_full_path(), settings.WAGTAILADMIN_LOGIN_URL
            )
        if not may_open_reports(request.user):
            raise Http404("Not found")
        return None


SYNC_VIEW = "wagtail_localize:update_translations"


class SyncNeverPublishesMiddleware:
    """wagtail-localize's "Sync translated pages" can "Publish immediately":
    every translation at once, the new English words left untranslated and
    no review. Here the sync only brings the changes in; each translation is
    finished in its editor and sent for review (the checkbox is not shown:
    templates/wagtail_localize/admin/update_translations.html)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name != SYNC_VIEW:
            return None
        if request.method == "POST" and "publish_translations" in request.POST:
            request.POST = request.POST.copy()
            del request.POST["publish_translations"]
            messages.info(
                request,
                gettext(
                    "Nothing was published: translate the new words in each "
                    "translation, then send it for review."
                ),
            )
        return None
