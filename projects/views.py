"""Projects' pages in the members' area: the list, a project with its
updates (newest first, 10 a page) and a Follow button, and staff's and the
lead's screens to add or change a project and post an update. Members (or a
supporter acting for one), staff and the lead read; anyone else gets "not
found"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import NotAllowed
from members import roles
from members.access import role_required
from members.acting import person_for

from . import selectors, services
from .forms import ProjectForm, UpdateForm
from .models import Project

PER_PAGE = 10


def _may_keep(user) -> bool:
    return selectors.project_may_keep(user=user)


keeper_required = role_required(_may_keep)


def _person(request):
    person = person_for(request)
    if not selectors.projects_may_enter(user=request.user, person=person):
        raise Http404("Not found")
    return person


def _refused(form, refusal: NotAllowed):
    form.add_error(
        refusal.field if refusal.field in form.fields else None, str(refusal)
    )


@login_required
def project_list(request):
    _person(request)
    return render(
        request,
        "projects/list.html",
        {
            "projects": selectors.projects_list(),
            "may_keep": _may_keep(request.user),
        },
    )


@login_required
def project_detail(request, pk):
    person = _person(request)
    project = selectors.project_get(pk=pk)
    if project is None:
        raise Http404("No such project")
    updates = Paginator(selectors.project_updates(project=project), PER_PAGE).get_page(
        request.GET.get("page")
    )
    may_keep = _may_keep(request.user)
    return render(
        request,
        "projects/project.html",
        {
            "project": project,
            "updates": updates,
            "may_keep": may_keep,
            # In the members' area everyone reads who wrote an update; the
            # public page says "the team".
            "shows_writers": True,
            "is_member": roles.is_member(person),
            "is_lead": roles.is_lead(request.user),
            "following": selectors.project_is_followed(project=project, person=person),
            "acting_for": person if person != request.user else None,
        },
    )


@keeper_required
def project_edit(request, pk=None):
    project = get_object_or_404(Project, pk=pk) if pk else Project()
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_save(
                project=form.save(commit=False),
                by=request.user,
                opportunities=form.cleaned_data["opportunities"],
                meetings=form.cleaned_data["meetings"],
            )
        except NotAllowed as refusal:
            _refused(form, refusal)
        else:
            messages.success(
                request,
                _("The project is saved.") if pk else _("The project is added."),
            )
            return redirect("projects:project", pk=project.pk)
    return render(
        request,
        "projects/edit.html",
        {"form": form, "project": project if pk else None},
        status=400 if form.errors else 200,
    )


@keeper_required
def update_add(request, pk):
    project = get_object_or_404(Project, pk=pk)
    form = UpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update_post(
                project=project, by=request.user, **form.cleaned_data
            )
        except NotAllowed as refusal:
            _refused(form, refusal)
        else:
            messages.success(
                request, _("The update is posted. Everyone following it is told.")
            )
            return redirect("projects:project", pk=project.pk)
    return render(
        request,
        "projects/update_add.html",
        {"form": form, "project": project},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def follow(request, pk):
    person = _person(request)
    project = get_object_or_404(Project, pk=pk)
    services.project_follow(project=project, person=person, by=request.user)
    messages.success(
        request,
        _("You follow “%(name)s”: you will hear of each new update.")
        % {"name": project.name},
    )
    return redirect("projects:project", pk=project.pk)


@require_POST
@login_required
def unfollow(request, pk):
    person = _person(request)
    project = get_object_or_404(Project, pk=pk)
    services.project_unfollow(project=project, person=person, by=request.user)
    messages.success(
        request, _("You no longer follow “%(name)s”.") % {"name": project.name}
    )
    return redirect("projects:project", pk=project.pk)
