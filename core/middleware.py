from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.views import serve as wagtail_serve

from .content_generation import root_page_specific, site_for_request, site_root_paths
from .sessions import (
    now_seconds,
    session_clock_expiry,
    session_clock_touch,
    signed_out_message,
)

# Where a signed-in person reads in their own language, whatever the address
# (Wagtail's admin follows each user's own admin language).
PERSONAL_PREFIXES = ("/members/",)


class SiteMiddleware:
    """The Wagtail site this request is for, from the cache: Wagtail's own
    lookup is a query on every request. For a page, its root page comes as
    its own type too, as Wagtail's routing asks for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Looked up once the view is known, so a view that needs no site
        # (/health/, which must answer while the database is down) runs none.
        if getattr(view_func, "needs_no_site", False):
            return
        site = request._wagtail_site = site_for_request(request)
        # Where Wagtail looks for them before asking the cache itself.
        request._wagtail_cached_site_root_paths = site_root_paths()
        if view_func is wagtail_serve and site is not None:
            site.root_page = root_page_specific(site)


class PrivatePagesNoStoreMiddleware:
    """Nothing shown to a signed-in person is kept by the browser or a proxy:
    the next person at a shared computer cannot go Back into it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


# Requests the admin's page editor makes by itself while a tab is open: they
# say the page is still open, not that someone is there.
NOT_ACTIVITY = {"wagtailadmin_editing_sessions:ping"}
# Signing out: after signing in again, going back there would only fail.
SIGN_OUT = {"accounts:logout", "wagtailadmin_logout"}


class SessionLimitsMiddleware:
    """A sign-in ends after SESSION_IDLE_MINUTES without activity and
    SESSION_MAX_HOURS after it began, whatever happens in between, so a
    shared computer left alone does not stay signed in (core/sessions.py).

    After MessageMiddleware: the sign-in page says why. The request goes no
    further: the person signs in again and comes back where they were (a
    form sent after the limit is lost; its page opens again)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        now = now_seconds()
        reason = session_clock_expiry(session=request.session, now=now)
        if reason is None:
            if request.resolver_match.view_name not in NOT_ACTIVITY:
                session_clock_touch(session=request.session, now=now)
            return None
        logout(request)
        login_url = resolve_url(settings.LOGIN_URL)
        if request.path == login_url and request.method == "POST":
            return None  # signing in again: the new sign-in goes ahead
        messages.info(request, signed_out_message(reason))
        if request.path == login_url:
            return redirect(request.get_full_path())
        if request.resolver_match.view_name in SIGN_OUT:
            return redirect(login_url)
        return redirect_to_login(self.come_back_to(request), login_url)

    @staticmethod
    def come_back_to(request) -> str:
        """Where to return after signing in again: the address asked for or,
        for a form that was sent, the page the form was on (its address may
        only take a POST)."""
        if request.method in ("GET", "HEAD"):
            return request.get_full_path()
        referer = request.headers.get("Referer", "")
        if url_has_allowed_host_and_scheme(
            referer,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            parts = urlsplit(referer)
            return parts.path + (f"?{parts.query}" if parts.query else "")
        return request.get_full_path()


class AdminContentSecurityPolicyMiddleware:
    """The admin's own Content-Security-Policy. django-csp leaves /admin/
    alone (Wagtail's admin needs inline scripts and styles), so the admin
    gets the directives that do not break it: no plugins, no <base> or form
    sent elsewhere, framed only by the site itself (the preview panel)."""

    DIRECTIVES = {
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'self'",
    }

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.prefix is None:
            self.prefix = reverse("wagtailadmin_home")
        if request.path.startswith(self.prefix):
            response["Content-Security-Policy"] = self.policy(
                response.get("Content-Security-Policy", "")
            )
        return response

    @classmethod
    def policy(cls, existing: str) -> str:
        """A view's own stricter policy (Wagtail's image and document
        previews send "default-src 'none'") is kept; what it leaves out is
        added."""
        named = {
            part.split()[0].lower() for part in existing.split(";") if part.strip()
        }
        parts = [part.strip() for part in existing.split(";") if part.strip()]
        parts += [
            f"{directive} {value}"
            for directive, value in cls.DIRECTIVES.items()
            if directive not in named
        ]
        return "; ".join(parts)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, choosing the language from what we know
    instead of what the browser says: the address (`/cy/…` is Welsh, every
    other public address English, as before), and in the members' area the
    signed-in person's own language (their profile). Never the
    Accept-Language header or a cookie, so an address always shows the same
    language: the page cache stores public pages by address, and Django's
    `Vary: Accept-Language` would stop it storing any."""

    def process_request(self, request):
        request._language_before = translation.get_language()
        language = translation.get_language_from_path(request.path_info)
        if language is None:
            language = settings.LANGUAGE_CODE
            if request.path_info.startswith(PERSONAL_PREFIXES):
                user = getattr(request, "user", None)
                if user is not None and user.is_authenticated:
                    language = getattr(user, "language", "") or language
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        # The rendered page is done: what runs next in this thread (the next
        # request, a test, a task) starts from the language it had before.
        translation.activate(
            getattr(request, "_language_before", None) or settings.LANGUAGE_CODE
        )
        return response
