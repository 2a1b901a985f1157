from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.rate_limits import rate_limited
from members.access import lead_required

from .forms import NetworkEditForm, NetworkSuggestForm
from .models import Network
from .selectors import networks_for_lead
from .services import network_save, network_suggest


@rate_limited("suggest_network", form_class=NetworkSuggestForm)
def suggest(request):
    """Open to everyone, with or without an account or JavaScript."""
    form = NetworkSuggestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        network = network_suggest(fields=form.cleaned_data)
        return render(request, "networks/thanks.html", {"network": network})
    return render(
        request,
        "networks/suggest.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


TABS = [
    (Network.Status.SUGGESTED, gettext_lazy("Waiting for approval")),
    (Network.Status.APPROVED, gettext_lazy("Shown")),
    (Network.Status.HIDDEN, gettext_lazy("Hidden")),
]


@lead_required
def manage_list(request):
    status = request.GET.get("show", Network.Status.SUGGESTED)
    if status not in Network.Status.values:
        status = Network.Status.SUGGESTED
    return render(
        request,
        "networks/manage_list.html",
        {
            "networks": networks_for_lead(status=status),
            "tabs": TABS,
            "status": status,
        },
    )


@lead_required
def manage_edit(request, pk):
    network = get_object_or_404(Network, pk=pk)
    form = NetworkEditForm(request.POST or None, instance=network)
    if request.method == "POST" and form.is_valid():
        network = network_save(network=form.save(commit=False))
        messages.success(
            request,
            _("Saved %(name)s: %(status)s.")
            % {"name": network.name, "status": network.get_status_display().lower()},
        )
        return redirect(f"{reverse('networks_manage:list')}?show={network.status}")
    return render(
        request,
        "networks/manage_edit.html",
        {"form": form, "network": network},
        status=400 if form.errors else 200,
    )
