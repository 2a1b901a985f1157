"""Supporters by consent: a member names one, the person named says yes or
no. Ending a support is on the profile (views.supporter_end)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import roles
from .access import role_required
from .acting import is_acting
from .forms import SupporterForm
from .selectors import support_requests_for
from .services import support_accept, support_decline, supporter_name


@role_required(roles.is_member)
def supporter_add(request):
    """A member (never a supporter acting for them) names a supporter."""
    if is_acting(request):
        raise Http404("Only the member names a supporter")
    form = SupporterForm(request.POST or None, member=request.user)
    if request.method == "POST" and form.is_valid():
        # One message whatever the address turned out to be: it must not tell
        # the member who has an account here.
        supporter_name(member=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "We have asked %(name)s to be your supporter. When they agree, "
                "they can act for you."
            )
            % {"name": form.cleaned_data["first_name"]},
        )
        return redirect("members:profile")
    return render(
        request,
        "members/supporter_add.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _request_for(request, pk):
    """Only the person asked ever sees or answers a request."""
    support = support_requests_for(user=request.user).filter(pk=pk).first()
    if support is None:
        raise Http404("No such request")
    return support


@login_required
def support_request(request, pk):
    """The person asked reads what being a supporter means, then says yes or
    no (POST buttons, so a link opened by a mail scanner decides nothing)."""
    return render(
        request, "members/support_request.html", {"support": _request_for(request, pk)}
    )


@login_required
@require_POST
def support_request_accept(request, pk):
    support = _request_for(request, pk)
    support_accept(support=support, by=request.user)
    messages.success(
        request,
        _(
            "Thank you. You can now act for %(member)s: choose “Act for "
            "%(member)s” below."
        )
        % {"member": support.member},
    )
    return redirect("intranet:home")


@login_required
@require_POST
def support_request_decline(request, pk):
    support = _request_for(request, pk)
    support_decline(support=support, by=request.user)
    messages.success(
        request,
        _("You have said no. We have let %(member)s know.")
        % {"member": support.member},
    )
    return redirect("intranet:home")
