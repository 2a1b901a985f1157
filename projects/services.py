"""Writes for projects: staff and the lead save a project and post its
updates (plain text: empty, too long or `javascript:` refused beside the
field), and a person follows or stops following one. Posting an update
tells each follower through notify(), at the rhythm they chose for
"Projects you follow"."""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import NotAllowed
from core.page_cache import page_cache_purge
from core.text import plain_text_check
from impact.models import Meeting
from members import roles
from members.acting import may_act_for
from members.models import User
from notifications.models import Kind
from notifications.services import notify
from opportunities.models import Opportunity

from .models import TEXT_MAX, Project, ProjectFollow, ProjectUpdate
from .selectors import (
    project_followers,
    project_may_keep,
    projects_may_enter,
)


def _text_check(text: str) -> str:
    return plain_text_check(
        text,
        field="text",
        limit=TEXT_MAX,
        empty=_("Write the update."),
        this=_("The update"),
        these=_("updates"),
    )


def _keeper_check(by: User) -> None:
    if not project_may_keep(user=by):
        raise NotAllowed(_("Only staff and the engagement lead keep projects."))


def _slug_free(name: str, project: Project) -> str:
    base = slugify(name)[:200] or "project"
    taken = set(
        Project.objects.exclude(pk=project.pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def project_save(
    *,
    project: Project,
    by: User,
    opportunities: Iterable[Opportunity] = (),
    meetings: Iterable[Meeting] = (),
    now: datetime | None = None,
) -> Project:
    """Add or change a project (its fields already set) and its links. The
    address is made once from the name and kept when the name changes."""
    _keeper_check(by)
    project.name = project.name.strip()
    if not project.name:
        raise NotAllowed(_("Give the project a name."), field="name")
    if project.contact_id and not (
        roles.is_staff_member(project.contact) or roles.is_lead(project.contact)
    ):
        raise NotAllowed(
            _("Choose someone of staff or the engagement lead."), field="contact"
        )
    if not project.slug:
        project.slug = _slug_free(project.name, project)
    was_public = bool(project.pk) and (
        Project.objects.filter(pk=project.pk, is_public=True).exists()
    )
    project.updated_at = now or timezone.now()
    project.save()
    project.opportunities.set(opportunities)
    project.meetings.set(meetings)
    if was_public or project.is_public:
        # "What we are working on" shows it (or showed it): pages are rebuilt.
        page_cache_purge()
    return project


@transaction.atomic
def project_update_post(
    *, project: Project, by: User, text: str, now: datetime | None = None
) -> ProjectUpdate:
    """Staff or the lead post an update; each follower is told once."""
    _keeper_check(by)
    text = _text_check(text)
    now = now or timezone.now()
    update = ProjectUpdate.objects.create(
        project=project,
        text=text,
        written_by=by,
        written_by_name=str(by),
        posted_at=now,
    )
    Project.objects.filter(pk=project.pk).update(updated_at=now)
    if project.is_public:
        page_cache_purge()
    notify(
        recipients=project_followers(project=project).exclude(pk=by.pk),
        kind=Kind.PROJECT,
        subject=format_lazy(gettext_lazy("News of “{name}”"), name=project.name),
        body=text[:600] + ("…" if len(text) > 600 else ""),
        url=reverse("projects:project", kwargs={"pk": project.pk}),
        dedupe_key=f"project-update:{update.pk}",
        target=update,
    )
    return update


def _follower_check(*, person: User, by: User) -> None:
    if person == by:
        if not projects_may_enter(user=by, person=by):
            raise NotAllowed(_("Only the group, staff and the lead follow projects."))
    elif not (roles.is_member(person) and may_act_for(by, person)):
        raise NotAllowed(_("You may follow only for a member you support."))


def project_follow(*, project: Project, person: User, by: User) -> ProjectFollow:
    """`person` (themselves, or the member `by` supports) hears of each new
    update. Following twice changes nothing."""
    _follower_check(person=person, by=by)
    follow, _created = ProjectFollow.objects.get_or_create(
        project=project, person=person
    )
    return follow


def project_unfollow(*, project: Project, person: User, by: User) -> None:
    _follower_check(person=person, by=by)
    ProjectFollow.objects.filter(project=project, person=person).delete()
