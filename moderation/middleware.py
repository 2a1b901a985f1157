"""Wagtail's reports answer only to the people who may review."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse

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
