from dataclasses import asdict

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import ReaderPreferencesForm
from .reader_preferences import (
    reader_preferences_from_request,
    reader_preferences_save,
)


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@require_http_methods(["GET", "POST"])
def reader_preferences(request):
    """A plain form: works without JavaScript and returns to the page you were on.

    Saving never fails: an unknown value falls back to the default.
    """
    current = reader_preferences_from_request(request)
    next_url = _safe_next(request)
    if request.method == "POST":
        response = redirect(next_url or request.get_full_path())
        reader_preferences_save(
            request=request,
            response=response,
            preferences=current.updated_from(request.POST),
        )
        messages.success(request, _("Your reader settings are saved."))
        return response
    form = ReaderPreferencesForm(initial=asdict(current))
    return render(
        request, "core/reader_preferences.html", {"form": form, "next_url": next_url}
    )


def robots_txt(request):
    """Keep crawlers out of the admin and the members' area; point to the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /reader-settings/",
        "Disallow: /another-format/",
        "Disallow: /members/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
