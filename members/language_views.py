"""The header's language switch in the members' area: one button that
changes the signed-in person's own language and returns to the same page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from .services import language_set


def _safe_next(request) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@login_required
@require_POST
def language_choose(request):
    language = request.POST.get("language", "")
    if language in dict(settings.LANGUAGES):
        language_set(user=request.user, language=language)
        # Said in the language just chosen, as the next page will be.
        with translation.override(language):
            # Translators: said once the members' area is in Welsh: "…is now
            # in Welsh".
            done = gettext("The members' area is now in English.")
        messages.success(request, done)
    return redirect(_safe_next(request) or "intranet:home")
