"""The two-step pages: give a code, use a recovery code, set up an
authenticator, read new recovery codes once, turn it off (those not required
to use it), and reset someone else's (the lead and administrators)."""

from urllib.parse import urlencode

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from members import roles
from members.models import User

from .forms import CodeForm, RecoveryCodeForm, TurnOffForm
from .selectors import (
    recovery_codes_left,
    secret_for_typing,
    two_step_device,
    two_step_is_on,
)
from .services import (
    may_reset,
    recovery_code_check,
    recovery_codes_replace,
    two_step_check,
    two_step_confirm,
    two_step_pending,
    two_step_reset,
    two_step_turn_off,
)

# New recovery codes wait in the session until the person says they have
# kept them, so a reload does not lose them.
NEW_CODES_KEY = "two_step_new_codes"


def _next_url(request) -> str:
    """Where to go once the code is given: the page they asked for, if it is
    on this site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate,
        allowed_hosts={request.get_host()},
        require_https=request.is_secure(),
    ):
        return candidate
    return reverse("intranet:home")


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def _verified(request, device) -> None:
    django_otp.login(request, device)
    # A new session key for the session that now counts as verified.
    request.session.cycle_key()


def _code_error(check) -> str:
    if check.wait_until is not None:
        return _(
            "Too many codes that did not work. Wait until %(time)s, then type "
            "the code your app shows then."
        ) % {"time": f"{timezone.localtime(check.wait_until):%H:%M:%S}"}
    return _("That code did not work. Type the code your app shows now.")


@never_cache
@sensitive_post_parameters()
@login_required
def verify(request):
    """After the password: the code from their authenticator app."""
    user = request.user
    next_url = _next_url(request)
    if user.is_verified():
        return redirect(next_url)
    if not two_step_is_on(user):
        if roles.must_use_two_step(user):
            return redirect(_with_next("accounts:two_step_set_up", next_url))
        return redirect(next_url)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = two_step_check(user=user, code=form.cleaned_data["code"])
        if check.ok:
            _verified(request, check.device)
            return redirect(next_url)
        form.add_error("code", _code_error(check))
    return render(
        request, "accounts/two_step/verify.html", {"form": form, "next": next_url}
    )


@never_cache
@sensitive_post_parameters()
@login_required
def recovery(request):
    """For a lost or forgotten phone: one of the printed recovery codes."""
    user = request.user
    next_url = _next_url(request)
    if user.is_verified() or not two_step_is_on(user):
        return redirect(_with_next("accounts:two_step", next_url))
    form = RecoveryCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = recovery_code_check(user=user, code=form.cleaned_data["recovery_code"])
        if check.ok:
            _verified(request, check.device)
            left = recovery_codes_left(user)
            messages.warning(
                request,
                _(
                    "You used a recovery code. You have %(left)s left. If your "
                    "phone is lost, set up two-step sign-in again on a new phone "
                    "from My profile; it also gives you new recovery codes."
                )
                % {"left": left},
            )
            return redirect(next_url)
        if check.wait_until is not None:
            form.add_error("recovery_code", _code_error(check))
        else:
            form.add_error(
                "recovery_code",
                _(
                    "That recovery code did not work. It may have been used "
                    "already. Check it and try again."
                ),
            )
    return render(
        request, "accounts/two_step/recovery.html", {"form": form, "next": next_url}
    )


@never_cache
@sensitive_post_parameters()
@login_required
def set_up(request):
    """Scan the QR code (or type the secret), then type the first code."""
    user = request.user
    next_url = _next_url(request)
    if two_step_is_on(user) and not user.is_verified():
        # Replacing an authenticator needs the current one first: a password
        # alone must never be enough to set up a new phone.
        return redirect(_with_next("accounts:two_step", next_url))
    device = two_step_pending(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_step_confirm(
            user=user, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            device.refresh_from_db()
            _verified(request, device)
            request.session[NEW_CODES_KEY] = codes
            return redirect(_with_next("accounts:two_step_codes", next_url))
        form.add_error(
            "code",
            _(
                "That code did not work. Check the app added the Co-production "
                "Hub and type the code it shows now."
            ),
        )
    return render(
        request,
        "accounts/two_step/set_up.html",
        {
            "form": form,
            "next": next_url,
            "required": roles.must_use_two_step(user),
            "replacing": two_step_is_on(user),
            "secret": secret_for_typing(device),
            "qr_code": segno.make(device.config_url, error="m").svg_data_uri(
                scale=5, border=4, dark="#000", light="#fff"
            ),
        },
    )


@never_cache
@login_required
def codes(request):
    """New recovery codes, shown until the person says they have kept them."""
    next_url = _next_url(request)
    new_codes = request.session.get(NEW_CODES_KEY)
    if not new_codes:
        return redirect(next_url)
    if request.method == "POST":
        del request.session[NEW_CODES_KEY]
        messages.success(request, _("Two-step sign-in is on."))
        return redirect(next_url)
    return render(
        request,
        "accounts/two_step/codes.html",
        {
            "codes": [f"{code[:4]} {code[4:]}" for code in new_codes],
            "next": next_url,
        },
    )


@never_cache
@require_POST
@login_required
def codes_new(request):
    """New recovery codes: the old ones stop working."""
    if two_step_device(request.user) is None:
        raise Http404("Two-step sign-in is off")
    request.session[NEW_CODES_KEY] = recovery_codes_replace(user=request.user)
    return redirect(_with_next("accounts:two_step_codes", reverse("members:profile")))


@never_cache
@sensitive_post_parameters()
@login_required
def turn_off(request):
    """Members, supporters and staff chose two-step; they may stop. The lead
    and administrators may not."""
    user = request.user
    if roles.must_use_two_step(user) or not two_step_is_on(user):
        raise Http404("Two-step sign-in cannot be turned off here")
    form = TurnOffForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        two_step_turn_off(user=user)
        messages.success(request, _("Two-step sign-in is off."))
        return redirect("members:profile")
    return render(
        request,
        "accounts/two_step/turn_off.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
def reset(request, pk):
    """The lead or an administrator resets the two-step sign-in of someone
    who lost both their phone and their recovery codes."""
    person = get_object_or_404(User, pk=pk)
    if not may_reset(by=request.user, person=person):
        raise Http404("Not found")
    if request.method == "POST":
        two_step_reset(user=person, by=request.user)
        messages.success(
            request,
            _("Two-step sign-in reset for %(person)s.") % {"person": person}
            + " "
            + (
                _("They will set it up again the next time they sign in.")
                if roles.must_use_two_step(person)
                else _(
                    "They sign in with their password alone until they turn it "
                    "on again."
                )
            ),
        )
        return redirect(_next_url(request))
    return render(
        request,
        "accounts/two_step/reset.html",
        {
            "person": person,
            "is_on": two_step_is_on(person),
            "required": roles.must_use_two_step(person),
            "next": _next_url(request),
        },
    )
