from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .forms import PreferencesForm
from .models import Notification
from .selectors import notifications_for, preferences_get
from .services import (
    notification_mark_read,
    notifications_mark_all_read,
    preferences_save,
)


@never_cache
@login_required
def notification_centre(request):
    page = Paginator(notifications_for(user=request.user), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/centre.html", {"notifications": page})


@never_cache
@login_required
@require_POST
def notification_read(request, pk):
    # Another person's notification is simply not found.
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notification_mark_read(notification=notification)
    messages.success(
        request,
        _("Marked as read: %(subject)s") % {"subject": notification.subject},
    )
    return redirect("notifications:centre")


@never_cache
@login_required
@require_POST
def notifications_read_all(request):
    count = notifications_mark_all_read(user=request.user)
    messages.success(
        request,
        ngettext(
            "Marked %(count)s notification as read.",
            "Marked %(count)s notifications as read.",
            count,
        )
        % {"count": count},
    )
    return redirect("notifications:centre")


@never_cache
@login_required
def notification_preferences(request):
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            preferences_save(user=request.user, choices=form.cleaned_data)
            messages.success(request, _("Your choices are saved."))
            return redirect("notifications:preferences")
    else:
        form = PreferencesForm(initial=preferences_get(user=request.user))
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "has_phone": bool(request.user.phone)},
    )
