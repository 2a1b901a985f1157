"""The engagement lead's actions in the admin: retry a failed email, mark a
call-back done. Each is a confirmation page with a plain POST form."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .forms import CallBackDoneForm
from .models import CallBack, OutboxEmail
from .services import call_back_mark_done, outbox_retry, outbox_retry_failed


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def outbox_email_retry(request, pk):
    _require(request, "notifications.change_outboxemail")
    email = get_object_or_404(OutboxEmail, pk=pk)
    if request.method == "POST":
        if outbox_retry(email=email):
            messages.success(
                request,
                _("“%(subject)s” to %(address)s will be sent again.")
                % {"subject": email.subject, "address": email.to_address},
            )
        else:
            messages.warning(request, _("That email is not waiting for a retry."))
        return redirect("notification_emails:index")
    return TemplateResponse(
        request,
        "notifications/admin/outbox_retry.html",
        {
            "email": email,
            "page_title": _("Send this email again?"),
            "header_icon": "mail",
        },
    )


def outbox_retry_all(request):
    """After an outage: every failed email waits to be sent again at once."""
    _require(request, "notifications.change_outboxemail")
    failed = OutboxEmail.objects.filter(state=OutboxEmail.State.FAILED)
    if request.method == "POST":
        count = outbox_retry_failed()
        if count:
            messages.success(
                request,
                ngettext(
                    "%(count)s email will be sent again within a minute.",
                    "%(count)s emails will be sent again within a minute.",
                    count,
                )
                % {"count": count},
            )
        else:
            messages.warning(request, _("No email is waiting for a retry."))
        return redirect("notification_emails:index")
    return TemplateResponse(
        request,
        "notifications/admin/outbox_retry_all.html",
        {
            "count": failed.count(),
            "page_title": _("Send every failed email again?"),
            "header_icon": "mail",
        },
    )


def call_back_done(request, pk):
    _require(request, "notifications.change_callback")
    call_back = get_object_or_404(
        CallBack.objects.select_related("notification__recipient"), pk=pk
    )
    form = CallBackDoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        call_back_mark_done(
            call_back=call_back, by=request.user, note=form.cleaned_data["note"]
        )
        messages.success(
            request,
            _("Call to %(person)s marked as done.")
            % {"person": call_back.notification.recipient},
        )
        return redirect("notification_call_backs:index")
    return TemplateResponse(
        request,
        "notifications/admin/call_back_done.html",
        {
            "call_back": call_back,
            "form": form,
            "page_title": _("Call %(person)s")
            % {"person": call_back.notification.recipient},
            "header_icon": "mobile-alt",
        },
    )
