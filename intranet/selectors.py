"""What waits for each person on their dashboard. Reads only: each feature
app answers for its own part, and this module puts the parts together."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Func, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page, TaskState

from charter.selectors import charter_acceptance_needed, members_not_accepted_current
from formats.models import FormatRequest
from members import roles
from members.acting import supported_by, supports_anyone
from members.models import User
from members.selectors import paused_people, support_requests_for
from notifications.models import Notification
from notifications.selectors import unread_count
from opportunities.selectors import (
    opportunities_open_for,
    requests_of,
    requests_waiting,
    sign_ups_of,
)
from payments.selectors import (
    claims_late_count,
    claims_open_of,
    claims_waiting_all,
)
from plans.selectors import plan_of, plan_review_due, plans_to_review
from projects.selectors import projects_worked_on


def drafts_for(*, user: User, limit: int = 10) -> QuerySet[Page]:
    """Pages they own that are not live, or have changes not yet published."""
    return (
        Page.objects.filter(owner=user, has_unpublished_changes=True)
        .select_related("content_type")
        .order_by("-latest_revision_created_at")[:limit]
    )


def unread_for(*, user: User, limit: int = 3) -> tuple[int, list[Notification]]:
    """How many are unread (read with the user), and the newest few."""
    count = unread_count(user=user)
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    return count, list(unread.order_by("-created_at")[:limit]) if count else []


def moderation_waiting(*, limit: int = 10) -> QuerySet[TaskState]:
    """Pages submitted to the lead's review task and not yet decided."""
    return (
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page)
        )
        .select_related("workflow_state", "task")
        # The page's title in the same query (not a fetch per page type).
        .annotate(
            page_title=Subquery(
                Page.objects.filter(
                    pk=Cast(OuterRef("workflow_state__object_id"), IntegerField())
                ).values("title")[:1]
            )
        )
        .order_by("started_at")[:limit]
    )


def waiting_for_lead(*, lead: User) -> dict[str, int]:
    """What waits for the lead's answer, counted in one statement."""
    waiting = {
        "claims_waiting": claims_waiting_all(),
        "requests_waiting": requests_waiting(),
        "format_requests_waiting": FormatRequest.objects.filter(
            answered_at__isnull=True
        ),
    }
    counts = {
        name: Subquery(
            queryset.order_by()
            .annotate(count=Func(F("pk"), function="COUNT"))
            .values("count")
        )
        for name, queryset in waiting.items()
    }
    # One row to hang the counts on: the lead's own.
    return User.objects.filter(pk=lead.pk).values(**counts).get()


def dashboard_for(*, user: User, person: User | None = None) -> dict:
    """`person` is whose things the page shows: the signed-in user, or the
    member a supporter is acting for."""
    person = person or user
    today = timezone.localdate()
    asks_for_support = person == user and supports_anyone(user)
    unread_count, unread = unread_for(user=user)
    context = {
        "person": person,
        "today": today,
        "is_acting": person != user,
        "is_lead": roles.is_lead(user),
        "is_member": roles.is_member(person),
        "is_staff_member": roles.is_staff_member(user),
        "can_browse_team_cv": roles.can_browse_team_cv(user),
        "unread_count": unread_count,
        "unread": unread,
        "drafts": drafts_for(user=user),
        "charter_to_accept": charter_acceptance_needed(user=person),
        "profile": getattr(person, "profile", None),
        "supporting": supported_by(user) if asks_for_support else [],
        "support_requests": (
            list(support_requests_for(user=user)) if asks_for_support else []
        ),
    }
    if context["is_member"]:
        plan = plan_of(owner=person)
        context["plan"] = plan
        context["plan_review_due"] = plan_review_due(plan=plan, today=today)
        context["open_opportunities"] = list(opportunities_open_for(member=person)[:3])
        context["my_sign_ups"] = sign_ups_of(member=person)
        # Each with its latest update, in one query however many there are.
        context["my_projects"] = list(projects_worked_on(member=person))
        # Each with its clock, in one query however many there are.
        open_claims = claims_open_of(member=person, today=today)
        context["claims_to_answer"] = [c for c in open_claims if c.clock.is_paused]
        context["claims_to_be_paid"] = [c for c in open_claims if not c.clock.is_paused]
    if context["is_lead"]:
        context["moderation"] = moderation_waiting()
        context["charter_not_accepted"] = members_not_accepted_current()
        context["plans_to_review"] = plans_to_review(today=today)
        context["paused"] = paused_people(day=today)
        context.update(waiting_for_lead(lead=user))
        context["claims_late"] = (
            claims_late_count(today=today) if context["claims_waiting"] else 0
        )
    if context["is_staff_member"]:
        context["my_requests"] = list(requests_of(user=user)[:5])
    return context
