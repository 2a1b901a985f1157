"""Writes for development plans. Every write names who made it, so a
supporter's changes are recorded as done on the member's behalf."""

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from members import roles
from members.models import User
from members.selectors import active_in_role
from members.services import on_behalf_record
from notifications.models import Kind
from notifications.services import notify

from .models import DevelopmentPlan, Goal, PlanComment, PlanReview

# Reminders go this many days before a review.
REVIEW_REMINDER_DAYS = 14


def plan_for(*, owner: User) -> DevelopmentPlan:
    plan, _ = DevelopmentPlan.objects.get_or_create(owner=owner)
    return plan


@transaction.atomic
def goal_save(
    *, plan: DevelopmentPlan, actor: User, goal: Goal | None = None, **fields
) -> Goal:
    goal = goal or Goal(plan=plan)
    for name, value in fields.items():
        setattr(goal, name, value)
    goal.save()
    plan.save(update_fields=["updated_at"])
    on_behalf_record(
        member=plan.owner, actor=actor, action=f"Saved the goal “{goal.title}”"
    )
    return goal


@transaction.atomic
def goal_remove(*, goal: Goal, actor: User) -> None:
    """Only when the owner asks (a confirmation page comes first)."""
    plan = goal.plan
    goal.delete()
    plan.save(update_fields=["updated_at"])
    on_behalf_record(
        member=plan.owner, actor=actor, action=f"Removed the goal “{goal.title}”"
    )


def plan_review_date_set(
    *, plan: DevelopmentPlan, review_on: date | None, actor: User | None = None
) -> None:
    plan.review_on = review_on
    plan.save(update_fields=["review_on", "updated_at"])
    if actor is not None:
        on_behalf_record(
            member=plan.owner, actor=actor, action="Changed the plan's review date"
        )


@transaction.atomic
def plan_comment_add(*, plan: DevelopmentPlan, author: User, body: str) -> PlanComment:
    """The other side hears about it: the owner when the lead writes, the
    lead when the owner (or their supporter) writes."""
    comment = PlanComment.objects.create(plan=plan, author=author, body=body)
    if not roles.is_lead(author):
        on_behalf_record(
            member=plan.owner, actor=author, action="Commented on the plan"
        )
    if roles.is_lead(author) and author != plan.owner:
        recipients = [plan.owner]
    else:
        recipients = list(
            active_in_role(group_name=roles.ENGAGEMENT_LEADS).exclude(pk=author.pk)
        )
    notify(
        recipients=recipients,
        kind=Kind.PLAN,
        subject=format_lazy(
            gettext_lazy("New comment on {name}'s plan"),
            name=plan.owner.first_name or str(plan.owner),
        ),
        body=body[:300],
        url=reverse("plans:plan", kwargs={"pk": plan.pk}),
        dedupe_key=f"plan-comment:{comment.pk}",
        target=plan,
    )
    return comment


@transaction.atomic
def plan_review_record(
    *,
    plan: DevelopmentPlan,
    reviewer: User,
    reviewed_on: date,
    notes: str,
    next_review_on: date,
) -> PlanReview:
    review = PlanReview.objects.create(
        plan=plan,
        reviewer=reviewer,
        reviewed_on=reviewed_on,
        notes=notes,
        next_review_on=next_review_on,
    )
    plan_review_date_set(plan=plan, review_on=next_review_on)
    notify(
        recipients=[plan.owner],
        kind=Kind.PLAN,
        subject=gettext_lazy("Your development plan has been reviewed"),
        body=notes[:300],
        url=reverse("plans:plan", kwargs={"pk": plan.pk}),
        dedupe_key=f"plan-review:{review.pk}",
        target=plan,
    )
    return review


# "5 March", with the month named in the language the text is read in.
_day_and_month = lazy(lambda day: date_format(day, "j F"), str)


def plan_review_reminders_send(*, today: date) -> int:
    """Remind owners whose review is coming up. Safe to run twice a day: the
    key names the plan and the review date. They are reminders, so notify()
    leaves out anyone who is paused."""
    due = DevelopmentPlan.objects.filter(
        owner__is_active=True,
        review_on__gte=today,
        review_on__lte=today + timedelta(days=REVIEW_REMINDER_DAYS),
    ).select_related("owner")
    sent = 0
    for plan in due:
        sent += len(
            notify(
                recipients=[plan.owner],
                kind=Kind.REMINDER,
                subject=format_lazy(
                    gettext_lazy("Your plan review is on {date}"),
                    date=_day_and_month(plan.review_on),
                ),
                body=gettext_lazy(
                    "Have a look at your goals before the review, and add "
                    "anything you would like to talk about."
                ),
                url=reverse("plans:plan", kwargs={"pk": plan.pk}),
                dedupe_key=f"plan-review-reminder:{plan.pk}:{plan.review_on}",
                target=plan,
            )
        )
    return sent
