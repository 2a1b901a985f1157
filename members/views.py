from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST
from django_otp import user_has_device

from . import roles
from .access import lead_required, role_required
from .acting import acting_start, acting_stop, may_act_for, person_for
from .anonymise import anonymised_record
from .audit import needs_read_log
from .forms import (
    AboutForm,
    ContactForm,
    InviteForm,
    LanguageForm,
    LeavingForm,
    MoveAssemblyForm,
    PauseForm,
    SharingForm,
    SkillsForm,
    SupportNeedsForm,
    TeamCvFilterForm,
)
from .invitations import invitation_send, invitations_recent
from .models import Support, User
from .selectors import (
    on_behalf_records_of,
    people_for_lead,
    person_for_lead,
    supporters_of,
    team_cv,
)
from .services import (
    USER_FIELDS,
    membership_move,
    pause_set,
    person_deactivate,
    profile_update,
    support_end,
)


@lead_required
def people(request):
    past = request.GET.get("show") == "past"
    return render(
        request,
        "members/people.html",
        {"people": people_for_lead(past=past), "past": past},
    )


@lead_required
def invite(request):
    if request.method == "POST":
        form = InviteForm(request.POST)
        if form.is_valid():
            invitation = invitation_send(
                invited_by=request.user, replace_earlier=True, **form.cleaned_data
            )
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link works for 14 days.")
                % {"email": invitation.email},
            )
            return redirect("members:person_add")
    else:
        form = InviteForm()
    return render(
        request,
        "members/invite.html",
        {
            "form": form,
            "invitations": invitations_recent(limit=30),
            "now": timezone.now(),
        },
    )


def _person_or_404(pk):
    person = person_for_lead(pk=pk)
    if person is None:
        raise Http404("No such person")
    return person


def _person_page(request, person, leaving_form=None, move_form=None, status=200):
    profile = getattr(person, "profile", None)
    needs_read_log(viewer=request.user, owner=person, source=profile)
    return render(
        request,
        "members/person.html",
        {
            "person": person,
            "profile": profile,
            "two_step_on": person.uses_two_step,
            "leaving_form": leaving_form or LeavingForm(person=person),
            "move_form": move_form or MoveAssemblyForm(),
            "anonymised": anonymised_record(person),
        },
        status=status,
    )


@lead_required
def person(request, pk):
    return _person_page(request, _person_or_404(pk))


@lead_required
@require_POST
def person_leaves(request, pk):
    person = _person_or_404(pk)
    form = LeavingForm(request.POST, person=person)
    if not form.is_valid():
        return _person_page(request, person, leaving_form=form, status=400)
    person_deactivate(user=person, ended_on=form.cleaned_data["ended_on"])
    messages.success(
        request,
        _("%(person)s has left the group. Their history is kept.") % {"person": person},
    )
    return redirect("members:person", pk=person.pk)


@lead_required
@require_POST
def person_moves(request, pk):
    person = _person_or_404(pk)
    form = MoveAssemblyForm(request.POST)
    if not form.is_valid():
        return _person_page(request, person, move_form=form, status=400)
    membership_move(user=person, **form.cleaned_data)
    messages.success(
        request,
        _("%(person)s is now in the %(assembly)s Assembly.")
        % {"person": person, "assembly": form.cleaned_data["assembly"]},
    )
    return redirect("members:person", pk=person.pk)


# A person's own profile (or, for a supporter, the member they act for) -------


@dataclass(frozen=True)
class ProfileSection:
    title: str  # English, as recorded; shown through gettext
    form_class: type[forms.Form]
    members_only: bool = False


PROFILE_SECTIONS = {
    "about": ProfileSection(gettext_noop("About you"), AboutForm),
    "contact": ProfileSection(gettext_noop("How to contact you"), ContactForm),
    "support": ProfileSection(
        gettext_noop("Access and support needs"), SupportNeedsForm
    ),
    "sharing": ProfileSection(
        gettext_noop("What others may see"), SharingForm, members_only=True
    ),
    "skills": ProfileSection(
        gettext_noop("Skills for the team CV"), SkillsForm, members_only=True
    ),
    "language": ProfileSection(gettext_noop("Language / Iaith"), LanguageForm),
}


def _profile_person(request):
    person = person_for(request)
    if getattr(person, "profile", None) is None:
        raise Http404("No profile for this account")
    return person


def _section_initial(person, form_class) -> dict:
    initial = {}
    for name in form_class.base_fields:
        source = person if name in USER_FIELDS else person.profile
        value = getattr(source, name)
        initial[name] = value.all() if name == "skills" else value
    return initial


@login_required
def profile(request):
    person = person_for(request)
    profile = getattr(person, "profile", None)
    needs_read_log(viewer=request.user, owner=person, source=profile)
    return render(
        request,
        "members/profile.html",
        {
            "person": person,
            "profile": profile,
            "is_member": roles.is_member(person),
            "is_acting": person != request.user,
            "supporters": supporters_of(user=person) if profile else [],
            "on_behalf": on_behalf_records_of(user=person) if profile else [],
            # The signed-in person's own two-step sign-in (never the member a
            # supporter acts for: that is theirs to choose).
            "two_step_on": user_has_device(request.user),
            "two_step_required": roles.must_use_two_step(request.user),
        },
    )


@login_required
def profile_section(request, section):
    person = _profile_person(request)
    spec = PROFILE_SECTIONS.get(section)
    if spec is None or (spec.members_only and not roles.is_member(person)):
        raise Http404("No such section")
    form = spec.form_class(
        request.POST or None,
        initial=_section_initial(person, spec.form_class),
        acting_for=person if person != request.user else None,
    )
    if request.method == "POST" and form.is_valid():
        profile_update(
            user=person,
            actor=request.user,
            changes=form.cleaned_data,
            what=spec.title.lower(),
        )
        messages.success(request, _("Saved: %(title)s.") % {"title": _(spec.title)})
        return redirect("members:profile")
    if section == "support":
        needs_read_log(viewer=request.user, owner=person, source=person.profile)
    return render(
        request,
        "members/profile_section.html",
        {"form": form, "section": spec},
        status=400 if form.errors else 200,
    )


@login_required
def pause(request):
    person = _profile_person(request)
    if not roles.is_member(person):
        raise Http404("Pausing is for members")
    profile = person.profile
    form = PauseForm(
        request.POST or None,
        initial={
            "paused": "yes" if profile.is_paused else "no",
            "returning_on": profile.returning_on,
        },
    )
    if request.method == "POST" and form.is_valid():
        paused = form.cleaned_data["paused"] == "yes"
        pause_set(
            user=person,
            actor=request.user,
            paused=paused,
            returning_on=form.cleaned_data["returning_on"] if paused else None,
        )
        messages.success(
            request,
            _("You are paused. Reminders stop until you come back; nothing is lost.")
            if paused
            else _("Welcome back. Reminders start again."),
        )
        return redirect("members:profile")
    return render(
        request,
        "members/pause.html",
        {"form": form, "profile": profile},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def supporter_end(request, pk):
    """Only the member themselves ends a supporter's access."""
    support = get_object_or_404(
        Support.objects.select_related("supporter"),
        pk=pk,
        member=request.user,
        ended_at__isnull=True,
    )
    support_end(support=support)
    messages.success(
        request,
        _("%(name)s can no longer act for you.") % {"name": support.asked_name}
        if support.is_accepted
        else _("We have taken back your request to %(name)s.")
        % {"name": support.asked_name},
    )
    return redirect("members:profile")


@login_required
@require_POST
def acting_for_start(request, pk):
    member = get_object_or_404(User, pk=pk)
    if not may_act_for(request.user, member):
        raise Http404("Not someone you support")
    acting_start(request, member)
    messages.success(
        request, _("You are now acting for %(member)s.") % {"member": member}
    )
    return redirect("intranet:home")


@login_required
@require_POST
def acting_for_stop(request):
    acting_stop(request)
    messages.success(request, _("You are no longer acting for anyone."))
    return redirect("intranet:home")


# The team CV ------------------------------------------------------------------


def _team_cv_context(request) -> dict:
    form = TeamCvFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return {
        "form": form,
        "entries": team_cv(
            skill=filters.get("skill"), assembly=filters.get("assembly")
        ),
        "query": request.GET.urlencode(),
    }


@role_required(roles.can_browse_team_cv)
def team_cv_browse(request):
    return render(request, "members/team_cv.html", _team_cv_context(request))


@role_required(roles.can_browse_team_cv)
def team_cv_print(request):
    return render(request, "members/team_cv_print.html", _team_cv_context(request))
