"""Reads for projects: who may read and keep them, the list, one project
with its updates and links, what a member worked on (with each project's
latest update, in the same query) and who follows what."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from core.languages import first_in_language
from impact.models import Meeting, WhatWeDidPage
from members import roles
from members.models import User
from opportunities.models import Opportunity, SignUp

from .models import Project, ProjectFollow, ProjectUpdate


def projects_may_enter(*, user: User, person: User) -> bool:
    """Members (or a supporter acting for one), staff and the lead. An
    administrator as such, or a supporter not acting, is not in it."""
    return roles.is_member(person) or roles.is_staff_member(user) or roles.is_lead(user)


def project_may_keep(*, user: User) -> bool:
    """Staff and the lead add and change projects and post their updates."""
    return roles.is_staff_member(user) or roles.is_lead(user)


def _with_latest_update(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Each project with its newest update's words and time, in one query."""
    latest = ProjectUpdate.objects.filter(project=OuterRef("pk")).order_by(
        "-posted_at", "-pk"
    )
    return queryset.annotate(
        latest_text=Subquery(latest.values("text")[:1]),
        latest_at=Subquery(latest.values("posted_at")[:1]),
    )


def projects_list() -> QuerySet[Project]:
    """Every project by name, with its workstream and latest update."""
    return _with_latest_update(
        Project.objects.select_related("workstream").order_by("name", "pk")
    )


def project_get(*, pk: int) -> Project | None:
    """One project with what its page shows. Linked meetings come with their
    title and date only: never who led them or was there."""
    return (
        Project.objects.filter(pk=pk)
        .select_related("workstream", "contact")
        .prefetch_related(
            Prefetch(
                "opportunities",
                queryset=Opportunity.objects.only("title", "status").order_by("title"),
            ),
            Prefetch(
                "meetings",
                queryset=Meeting.objects.only("title", "date").order_by("-date"),
            ),
        )
        .first()
    )


def project_updates(*, project: Project) -> QuerySet[ProjectUpdate]:
    """Its updates, newest first, each with who wrote it."""
    return project.updates.select_related("written_by").order_by("-posted_at", "-pk")


def project_contact_choices() -> QuerySet[User]:
    """Who a project may name to contact: active staff and the lead."""
    return User.objects.filter(
        is_active=True, groups__name__in=[roles.STAFF, roles.ENGAGEMENT_LEADS]
    ).distinct()


def projects_worked_on(*, member: User) -> QuerySet[Project]:
    """The projects a member worked on: selected for one of its linked
    opportunities, or led or went to one of its linked meetings. Each with
    its latest update (`latest_text`, `latest_at`), newest activity first."""
    selected = SignUp.objects.filter(
        member=member,
        status=SignUp.Status.SELECTED,
        opportunity__projects=OuterRef("pk"),
    )
    part_of = Meeting.objects.filter(
        Q(led_by=member) | Q(attendees=member), projects=OuterRef("pk")
    )
    return (
        _with_latest_update(Project.objects.select_related("workstream"))
        .filter(Q(Exists(selected)) | Q(Exists(part_of)))
        .order_by("-updated_at", "name")
    )


def project_is_followed(*, project: Project, person: User) -> bool:
    return ProjectFollow.objects.filter(project=project, person=person).exists()


def project_followers(*, project: Project) -> QuerySet[User]:
    return User.objects.filter(
        pk__in=ProjectFollow.objects.filter(project=project).values("person")
    )


# "What we are working on" ----------------------------------------------------


def projects_public() -> QuerySet[Project]:
    """Projects marked public, by name, with their workstream and latest
    update (words and date only)."""
    return _with_latest_update(
        Project.objects.filter(is_public=True)
        .select_related("workstream")
        .only("name", "slug", "purpose", "workstream__name")
        .order_by("name", "pk")
    )


def project_public_get(*, slug: str) -> Project | None:
    """A public project with its updates' words and dates: never who wrote
    them, nor who to contact."""
    return (
        Project.objects.filter(is_public=True, slug=slug)
        .select_related("workstream")
        .only("name", "slug", "purpose", "workstream__name")
        .prefetch_related(
            Prefetch(
                "updates",
                queryset=ProjectUpdate.objects.only(
                    "project", "text", "posted_at"
                ).order_by("-posted_at", "-pk"),
            )
        )
        .first()
    )


def project_public_meetings(*, project: Project) -> list[tuple[Meeting, str]]:
    """Its linked meetings that are public, each with its address under
    "What we did" (none when that page is not live)."""
    page = first_in_language(WhatWeDidPage.objects.live())
    if page is None:
        return []
    meetings = project.meetings.filter(is_public=True).only("title", "date", "slug")
    return [(meeting, page.meeting_url(meeting)) for meeting in meetings]
