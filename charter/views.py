from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import languages
from core.storage import private_file_response
from members.access import lead_required
from members.acting import person_for

from .forms import AcceptForm, PublishForm, WelshForm
from .models import WELSH, CharterVersion
from .selectors import (
    acceptance_of,
    acceptance_table,
    charter_acceptance_asked,
    charter_current,
    charter_welsh_fixed,
)
from .services import (
    charter_accept,
    charter_publish,
    charter_welsh_set,
)


def _charter_page(request, version, form=None, status=200):
    person = person_for(request)
    # The page's language is the reader's (the signed-in person's own).
    reader = languages.current()
    text_language = version.language_for(reader)
    body, summary = version.text_in(text_language)
    easy_read, easy_read_language = version.easy_read_in(reader)
    return render(
        request,
        "charter/charter.html",
        {
            "version": version,
            "body": body,
            "summary": summary,
            "text_language": text_language,
            "welsh_not_ready": reader == WELSH and text_language != WELSH,
            "easy_read": easy_read,
            "easy_read_language": easy_read_language,
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
        # What the page they accepted on showed them.
        language=version.language_for(languages.current()),
    )
    messages.success(
        request,
        _("Thank you. You accepted version %(number)s.") % {"number": version.number},
    )
    return redirect("intranet:home")


@login_required
def easy_read(request, number, welsh=False):
    version = get_object_or_404(CharterVersion, number=number)
    file = version.easy_read_cy if welsh else version.easy_read
    if not file:
        raise Http404("No Easy Read version")
    return private_file_response(
        file.open("rb"),
        filename=f"charter-version-{version.number}-easy-read"
        + ("-cymraeg" if welsh else "")
        + file.name[file.name.rfind(".") :],
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
                _(
                    "Version %(number)s is published. Every member has been "
                    "asked to read and accept it."
                )
                % {"number": version.number},
            )
            return redirect("charter:acceptances")
    else:
        form = PublishForm(initial={"body": current.body if current else ""})
    return render(request, "charter/publish.html", {"form": form, "current": current})


@lead_required
def welsh(request, number):
    """The lead adds the Welsh of a published version when it is ready."""
    version = get_object_or_404(CharterVersion, number=number)
    fixed = charter_welsh_fixed(version=version)
    form = WelshForm(request.POST or None, request.FILES or None, instance=version)
    if request.method == "POST" and not fixed and form.is_valid():
        charter_welsh_set(version=version, **form.cleaned_data)
        messages.success(
            request,
            _("The Welsh of version %(number)s is saved.") % {"number": version.number},
        )
        return redirect("charter:acceptances")
    return render(
        request,
        "charter/welsh.html",
        {"version": version, "form": form, "fixed": fixed},
        status=400 if form.errors or (fixed and request.method == "POST") else 200,
    )
