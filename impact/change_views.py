"""What changed because of the group: staff record a change (what, where,
what it came from, someone's words); the lead reads every change, staff
their own and those that may be published, members those that may be
published. The requester of an engagement request is asked, once its work
has ended, through a link that opens the form filled in for it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.exceptions import NotAllowed
from members import roles
from members.acting import person_for

from .change_forms import ChangeForm
from .models import Change
from .selectors import change_may_edit, change_request_of, changes_visible_to
from .services import CHANGE_FIELDS, change_save


def _may_record(user) -> bool:
    return roles.is_lead(user) or roles.is_staff_member(user)


@login_required
def change_list(request):
    person = person_for(request)
    if not (_may_record(request.user) or roles.is_member(person)):
        raise Http404("Not found")
    changes = list(changes_visible_to(user=person))
    for change in changes:
        change.may_edit = change_may_edit(change=change, user=request.user)
    return render(
        request,
        "impact/changes/list.html",
        {
            "changes": changes,
            "may_record": _may_record(request.user),
            "is_lead": roles.is_lead(request.user),
        },
    )


def _request_asked_about(request):
    """The engagement request the link in the email names, if any."""
    pk = request.GET.get("request")
    if pk is None:
        return None
    try:
        made = change_request_of(user=request.user, pk=int(pk))
    except ValueError:
        made = None
    if made is None:
        raise Http404("No such request of yours")
    return made


def _form_page(request, change: Change, *, made=None):
    initial = {}
    if made is not None:
        initial["where"] = made.workstream.name
        opportunity = getattr(made, "opportunity", None)
        if opportunity is not None and not opportunity.is_draft:
            initial["opportunity"] = opportunity
    form = ChangeForm(request.POST or None, instance=change, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            change_save(
                change=change,
                by=request.user,
                fields={name: form.cleaned_data[name] for name in CHANGE_FIELDS},
            )
        except NotAllowed as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            messages.success(request, _("Saved. Thank you for telling the group."))
            return redirect("changes:list")
    return render(
        request,
        "impact/changes/edit.html",
        {"form": form, "change": change, "made": made},
        status=400 if form.errors else 200,
    )


@login_required
def change_add(request):
    if not _may_record(request.user):
        raise Http404("Staff and the engagement lead record changes")
    return _form_page(request, Change(), made=_request_asked_about(request))


@login_required
def change_edit(request, pk):
    change = get_object_or_404(Change, pk=pk)
    if not change_may_edit(change=change, user=request.user):
        raise Http404("Not yours to edit")
    return _form_page(request, change)
