"""The engagement lead's list of flagged posts: for each, who flagged it and
why, with a way to hide it (with a reason) or to leave it up. Anyone else
gets "not found"."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.access import lead_required

from . import selectors, services
from .models import Post


@lead_required
def flags_list(request):
    return render(request, "channel/flags.html", {"posts": selectors.flags_open()})


@require_POST
@lead_required
def flags_dismiss_view(request, pk):
    post = get_object_or_404(Post, pk=pk)
    if services.flags_dismiss(post=post, by=request.user):
        messages.success(request, _("The post stays up. Its flags are dealt with."))
    return redirect("channel:flags")
