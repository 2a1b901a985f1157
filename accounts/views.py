"""Signing in and out, sign-in links, password reset, invitations, lockout."""

from urllib.parse import quote

from axes.helpers import get_client_ip_address, get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from core.exceptions import NotAllowed
from core.rate_limits import rate_limited
from members import roles

from . import services
from .forms import (
    InvitationAcceptForm,
    NewPasswordForm,
    PasswordResetRequestForm,
    SignInForm,
    SignInLinkForm,
)
from .services import (
    LinkProblem,
    invitation_accept,
    invitation_check,
    invitation_renew,
    sign_in_link_check,
    sign_in_link_send,
)

# Sign-in links and invitations log in without authenticate(), so name the
# backend that will load the person on later requests.
MODEL_BACKEND = "accounts.backends.SignedInBackend"


def axes_username(request, credentials) -> str:
    """The account part of the lockout key: one spelling per address, so
    changing capitals does not buy more guesses."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return username.strip().lower()


@method_decorator(
    rate_limited(
        "sign_in", account_field="username", form_class=SignInForm, keep=("next",)
    ),
    name="dispatch",
)
class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


def locked_out(request, original_response=None, credentials=None):
    """django-axes calls this instead of signing in: when the lock ends, in
    local time, and the ways in that still work."""
    username = axes_username(request, credentials)
    last = (
        AccessAttempt.objects.filter(
            username=username, ip_address=get_client_ip_address(request)
        )
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    until = (last or timezone.now()) + get_cool_off(request)
    minutes = max(1, round((until - timezone.now()).total_seconds() / 60))
    sign_in_link_url = reverse("accounts:sign_in_link")
    if username:
        sign_in_link_url += "?email=" + quote(username, safe="/")
    return render(
        request,
        "accounts/locked_out.html",
        {
            "until": until,
            "minutes": minutes,
            "email": username,
            "sign_in_link_url": sign_in_link_url,
        },
        status=429,
    )


@never_cache
@rate_limited("sign_in_link", account_field="email", form_class=SignInLinkForm)
def sign_in_link_request(request):
    if request.method == "POST":
        form = SignInLinkForm(request.POST)
        if form.is_valid():
            sign_in_link_send(email=form.cleaned_data["email"])
            request.session["sign_in_link_email"] = form.cleaned_data["email"]
            return redirect("accounts:sign_in_link_sent")
    else:
        form = SignInLinkForm(initial={"email": request.GET.get("email", "")})
    return render(request, "accounts/sign_in_link_request.html", {"form": form})


@never_cache
def sign_in_link_sent(request):
    return render(
        request,
        "accounts/sign_in_link_sent.html",
        {"email": request.session.get("sign_in_link_email", "")},
    )


@never_cache
def sign_in_link(request, token):
    """GET shows a button; only the POST signs in. Mail scanners that open
    links would otherwise spend the link before the person clicks it."""
    check = sign_in_link_check(token=token)
    if not check.ok:
        email = check.link.user.email if check.link else ""
        return render(
            request,
            "accounts/sign_in_link_problem.html",
            {
                "problem": check.problem,
                "form": SignInLinkForm(initial={"email": email}),
            },
            status=410 if check.link else 404,
        )
    if roles.must_use_two_step(check.link.user):
        # A mailbox is one factor: those who see everyone's data need the
        # password and a code. The link stays unspent (it cannot be used).
        return render(request, "accounts/two_step/link_refused.html", status=403)
    if request.method == "POST":
        user = services.sign_in_link_use(link=check.link)
        if user is None:
            return redirect("accounts:sign_in_link_use", token=token)
        login(request, user, backend=MODEL_BACKEND)
        # They proved they own the mailbox: earlier wrong passwords are forgiven.
        axes_reset(username=user.email.lower())
        return redirect("intranet:home")
    return render(request, "accounts/sign_in_link_use.html", {"link": check.link})


@method_decorator(
    rate_limited(
        "password_reset", account_field="email", form_class=PasswordResetRequestForm
    ),
    name="dispatch",
)
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetRequestForm
    success_url = reverse_lazy("accounts:password_reset_sent")


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=form.user.email.lower())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@never_cache
@sensitive_post_parameters()
def invitation(request, token):
    check = invitation_check(token=token)
    if not check.ok:
        return render(
            request,
            "accounts/invitation_problem.html",
            {"problem": check.problem, "invitation": check.link, "token": token},
            status=404 if check.problem == LinkProblem.UNKNOWN else 410,
        )
    invited = check.link
    if request.method == "POST":
        form = InvitationAcceptForm(request.POST, invitation=invited)
        if form.is_valid():
            try:
                user = invitation_accept(
                    invitation=invited,
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                    password=form.cleaned_data["new_password1"],
                )
            except NotAllowed:
                return redirect("accounts:invitation", token=token)
            login(request, user, backend=MODEL_BACKEND)
            messages.success(request, _("Welcome. Your account is ready."))
            return redirect("intranet:home")
    else:
        form = InvitationAcceptForm(
            invitation=invited,
            initial={"first_name": invited.first_name, "last_name": invited.last_name},
        )
    return render(
        request, "accounts/invitation.html", {"form": form, "invitation": invited}
    )


@never_cache
@require_POST
def invitation_send_again(request, token):
    """Someone whose invitation ran out asks for a new one: it goes to the
    same address (only its owner can use it)."""
    check = invitation_check(token=token)
    if check.problem != LinkProblem.EXPIRED:
        return redirect("accounts:invitation", token=token)
    renewed = invitation_renew(invitation=check.link)
    return render(
        request,
        "accounts/invitation_sent_again.html",
        {"invitation": check.link, "renewed": renewed},
    )
