from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.storage import private_file_response
from members.access import lead_required
from members.acting import person_for

from .forms import AcceptForm, PublishForm
from .models import CharterVersion
from .selectors import (
    acceptance_of,
    acceptance_table,
    charter_acceptance_asked,
    charter_current,
)
from .services import charter_accept, charter_publish


def _charter_page(request, version, form=None, status=200):
    person = person_for(request)
    return render(
        request,
        "charter/charter.html",
        {
            "version": version,
            "is_current": version == charter_current(),
            "person": person,
            "asked": charter_acceptance_asked(user=person),
            "acceptance": acceptance_of(user=person, version=version),
            "form": form or AcceptForm(),
        },
        status=status,
    )


@login_required
def current(request):
    version = charter_current()
    if version is None:
        return render(request, "charter/none_yet.html")
    return _charter_page(request, version)


@login_required
def version(request, number):
    return _charter_page(request, get_object_or_404(CharterVersion, number=number))


@login_required
def versions(request):
    return render(
        request, "charter/versions.html", {"versions": CharterVersion.objects.all()}
    )


@login_required
@require_POST
def accept(request, number):
    version = get_object_or_404(CharterVersion, number=number)
    person = person_for(request)
    if version != charter_current() or not charter_acceptance_asked(user=person):
        raise Http404("Only members accept the current Charter")
    form = AcceptForm(request.POST)
    if not form.is_valid():
        return _charter_page(request, version, form=form, status=400)
    charter_accept(
        user=person,
        version=version,
        on_behalf_by=request.user if person != request.user else None,
    )
    messages.success(request, f"Thank you. You accepted version {version.number}.")
    return redirect("intranet:home")


@login_required
def easy_read(request, number):
    version = get_object_or_404(CharterVersion, number=number)
    if not version.easy_read:
        raise Http404("No Easy Read version")
    return private_file_response(
        version.easy_read.open("rb"),
        filename=f"charter-version-{version.number}-easy-read"
        + version.easy_read.name[version.easy_read.name.rfind(".") :],
    )


@lead_required
def acceptances(request):
    current, rows = acceptance_table()
    return render(
        request, "charter/acceptances.html", {"current": current, "rows": rows}
    )


@lead_required
def publish(request):
    current = charter_current()
    if request.method == "POST":
        form = PublishForm(request.POST, request.FILES)
        if form.is_valid():
            version = charter_publish(published_by=request.user, **form.cleaned_data)
            messages.success(
                request,
                f"Version {version.number} is published. Every member has been "
                "asked to read and accept it.",
            )
            return redirect("charter:acceptances")
    else:
        form = PublishForm(initial={"body": current.body if current else ""})
    return render(request, "charter/publish.html", {"form": form, "current": current})
