"""A person's own information (the download) and anonymising someone who
has left (the lead's confirm page). Issue 15."""

import tempfile

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.exceptions import NotAllowed

from .access import lead_required
from .acting import person_for
from .anonymise import (
    anonymised_record,
    former_name,
    has_left,
    is_anonymised,
    person_anonymise,
)
from .download import person_export
from .selectors import person_for_lead

# Receipts can make the file large: past this it is written to disk.
IN_MEMORY_BYTES = 20 * 1024 * 1024


@login_required
@require_safe
def profile_download(request):
    """Always the signed-in person's own information: there is no id to
    change. A supporter acting for a member gets 404: the file holds the
    member's support needs, plan and receipts outside the site's care, so
    the member downloads it themselves (or asks the lead)."""
    if person_for(request) != request.user:
        raise Http404("Only the person themselves can download their information")
    spooled = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)
    person_export(person=request.user, into=spooled)
    spooled.seek(0)
    response = FileResponse(
        spooled,
        as_attachment=True,
        filename=f"your-information-{timezone.localdate():%Y-%m-%d}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


class AnonymiseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone"),
        error_messages={
            "required": _("Tick the box to confirm you want to anonymise them.")
        },
    )


@lead_required
def person_anonymise_confirm(request, pk):
    person = person_for_lead(pk=pk)
    if person is None:
        raise Http404("No such person")
    done = is_anonymised(person)
    form = AnonymiseForm(request.POST if request.method == "POST" else None)
    refused = not done and not has_left(person)
    if request.method == "POST" and done:
        messages.info(
            request, gettext("%(person)s was already anonymised.") % {"person": person}
        )
        return redirect("members:person", pk=person.pk)
    if request.method == "POST" and not refused and form.is_valid():
        new_name = former_name(person)
        try:
            person_anonymise(person=person, by=request.user)
        except NotAllowed:
            refused = True
        else:
            messages.success(
                request,
                gettext("Anonymised. They are now called %(name)s everywhere.")
                % {"name": new_name},
            )
            return redirect("members:person", pk=person.pk)
    failed = request.method == "POST" and (refused or bool(form.errors))
    return render(
        request,
        "members/person_anonymise.html",
        {
            "person": person,
            "profile": getattr(person, "profile", None),
            "form": form,
            "refused": refused,
            "done": done,
            "record": anonymised_record(person) if done else None,
            "new_name": former_name(person),
        },
        status=400 if failed else 200,
    )
