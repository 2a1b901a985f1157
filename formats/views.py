from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.rate_limits import rate_limited
from members.access import lead_required

from .forms import FormatRequestForm, local_path
from .models import FormatRequest
from .services import format_request_answer, format_request_make


@rate_limited("another_format", form_class=FormatRequestForm)
def ask(request):
    """Open to everyone, with or without an account or JavaScript."""
    user = request.user
    initial = {"page_path": local_path(request.GET.get("page", "/"), request=request)}
    if user.is_authenticated:
        initial["name"] = user.get_full_name()
        initial["reply_to"] = user.email
    form = FormatRequestForm(request.POST or None, initial=initial, request=request)
    if request.method == "POST" and form.is_valid():
        format_request_make(user=user, **form.cleaned_data)
        return render(
            request,
            "formats/thanks.html",
            {"page_path": form.cleaned_data["page_path"]},
        )
    page_path = local_path(form["page_path"].value(), request=request)
    return render(
        request,
        "formats/ask.html",
        {"form": form, "page_path": page_path},
        status=400 if form.errors else 200,
    )


@lead_required
def request_list(request):
    show_answered = request.GET.get("show") == "answered"
    requests = FormatRequest.objects.filter(
        answered_at__isnull=not show_answered
    ).select_related("user", "answered_by")
    return render(
        request,
        "formats/list.html",
        {"requests": requests, "show_answered": show_answered},
    )


@lead_required
@require_POST
def answer(request, pk):
    format_request = get_object_or_404(FormatRequest, pk=pk)
    format_request_answer(request=format_request, by=request.user)
    messages.success(
        request,
        _("Marked as answered: %(name)s's request.") % {"name": format_request.name},
    )
    return redirect("format_requests:list")
