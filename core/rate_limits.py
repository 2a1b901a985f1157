"""Rate limits on the forms anyone can send without signing in.

A limit is (scope, key, count, period): at most `count` POSTs to one scope
("sign_in", "password_reset", "sign_in_link", "another_format",
"suggest_network") from one address, or naming one account, in each fixed
window of `period` seconds.
The numbers are in settings.RATE_LIMITS. Counters live in Django's cache
(Redis in production, so every worker shares them): cache.add starts a
window's counter and cache.incr counts, both atomic on Redis and locmem. The
key holds a keyed hash of the address or email, never the address itself.

Past a limit the view is not run at all (so no email is queued and nothing is
saved): the person gets a plain page, status 429 with Retry-After, that says
when to try again, keeps what they typed and offers another way in. Trying
again meanwhile does not make the wait longer: the window ends when it ends.

django-ratelimit 4.1.0 was considered and not used: it declares no support
for Django 5, and it cannot tell the person when they may try again.

Imports only Django and core.
"""

import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import wraps

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import salted_hmac

from .client_address import client_address

KEY_SALT = "core.rate_limits"


@dataclass(frozen=True)
class Refusal:
    """Past a limit: the moment the fullest window ends."""

    until: datetime
    retry_after: int  # whole seconds, for the Retry-After header


def _count(*, scope: str, kind: str, value: str, count: int, period: int, now):
    """Count one attempt in the current window; a Refusal past `count`."""
    window = int(now // period)
    ends = (window + 1) * period
    digest = salted_hmac(KEY_SALT, f"{kind}:{value}").hexdigest()[:32]
    key = f"rate-limit:{scope}:{kind}:{digest}:{period}:{window}"
    # The counter outlives its window by a little, never by a whole window.
    timeout = math.ceil(ends - now) + 1
    cache.add(key, 0, timeout=timeout)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=timeout)
        attempts = 1
    if attempts <= count:
        return None
    return Refusal(
        until=datetime.fromtimestamp(ends, tz=UTC),
        retry_after=max(1, math.ceil(ends - now)),
    )


def rate_limit_count(*, scope: str, address: str, account: str = "") -> Refusal | None:
    """Count one attempt against every limit of `scope` (per address, and per
    account when an email was typed); the latest end if any is passed."""
    limits = settings.RATE_LIMITS[scope]
    now = time.time()
    keys = {"address": address, "account": account.strip().lower()}
    refusals = [
        refusal
        for kind, (count, period) in limits.items()
        if keys[kind]
        and (
            refusal := _count(
                scope=scope,
                kind=kind,
                value=keys[kind],
                count=count,
                period=period,
                now=now,
            )
        )
    ]
    return max(refusals, key=lambda refusal: refusal.until, default=None)


def _kept_form(form_class, data):
    """The form's fields again with what was typed, never a password. A plain
    Form of the same fields: it is not validated (validating a sign-in form
    would try the password) and needs nothing the view's form may ask for."""
    kept = type("KeptForm", (forms.Form,), dict(form_class.base_fields))
    return kept(
        initial={
            # Every box ticked of a group, not only the last.
            name: data.getlist(name)
            if isinstance(field, forms.MultipleChoiceField)
            else data.get(name, "")
            for name, field in kept.base_fields.items()
            if not isinstance(field.widget, forms.PasswordInput)
        }
    )


def rate_limited_response(
    request, *, scope, refusal, account_field=None, form_class=None, keep=()
):
    """The plain 'try again after' page, status 429."""
    now = timezone.localtime()
    until = timezone.localtime(refusal.until)
    response = render(
        request,
        "rate_limited.html",
        {
            "scope": scope,
            "email": request.POST.get(account_field, "") if account_field else "",
            "until": until,
            "tomorrow": until.date() != now.date(),
            "minutes": math.ceil(refusal.retry_after / 60),
            "form": _kept_form(form_class, request.POST) if form_class else None,
            "kept": [
                (name, request.POST[name]) for name in keep if request.POST.get(name)
            ],
            "action": request.get_full_path(),
        },
        status=429,
    )
    response["Retry-After"] = str(refusal.retry_after)
    add_never_cache_headers(response)
    return response


def rate_limited(scope: str, *, account_field=None, form_class=None, keep=()):
    """Decorate a view so each POST counts against the limits of `scope`.

    account_field names the email field counted per account; form_class is
    shown again on the refusal page with what was typed; keep lists other
    posted values carried over as hidden fields (such as sign-in's `next`).
    A signed-in person is counted as themselves, not as their address, so
    one busy day-centre computer does not stop everyone using it.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                user = getattr(request, "user", None)
                refusal = rate_limit_count(
                    scope=scope,
                    address=f"person:{user.pk}"
                    if user is not None and user.is_authenticated
                    else client_address(request),
                    account=request.POST.get(account_field, "")
                    if account_field
                    else "",
                )
                if refusal is not None:
                    return rate_limited_response(
                        request,
                        scope=scope,
                        refusal=refusal,
                        account_field=account_field,
                        form_class=form_class,
                        keep=keep,
                    )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
