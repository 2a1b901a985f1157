"""Until a signed-in person who needs two-step sign-in gives their code, the
only pages they may open are the two-step pages and sign out. One place, so
the admin and every lead screen are covered, whatever way in was used."""

from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from members import roles

from .selectors import two_step_was_on

# The pages a half-signed-in person may open: giving a code, setting up
# (when their role needs it and they have no authenticator yet), reading the
# new recovery codes, and signing out.
OPEN_URL_NAMES = [
    "accounts:two_step",
    "accounts:two_step_recovery",
    "accounts:two_step_set_up",
    "accounts:two_step_codes",
    "accounts:logout",
]


class TwoStepMiddleware:
    """After django-otp's OTPMiddleware, which tells whether this session
    has given a code (request.user.is_verified())."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not self._is_open(request.path)
        ):
            has_device = two_step_was_on(user)
            if has_device or roles.must_use_two_step(user):
                target = reverse(
                    "accounts:two_step" if has_device else "accounts:two_step_set_up"
                )
                if request.method == "GET":
                    target += "?" + urlencode({"next": request.get_full_path()})
                return redirect(target)
        return self.get_response(request)

    @staticmethod
    def _is_open(path: str) -> bool:
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return True
        return path in open_paths()


@cache
def open_paths() -> frozenset[str]:
    """The open pages' addresses in every language (the ways in are under
    /cy/ too), worked out once rather than on every request of every
    signed-in person, whatever language the first request was in."""
    paths = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths.update(reverse(name) for name in OPEN_URL_NAMES)
    return frozenset(paths)
