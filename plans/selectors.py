"""Reads for plans; callers have already checked who may see them."""

from datetime import date, timedelta

from django.db.models import F, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members import roles
from members.models import User
from members.selectors import active_in_role

from .models import DevelopmentPlan
from .services import REVIEW_REMINDER_DAYS


def plans_for_lead() -> QuerySet[DevelopmentPlan]:
    """Every current member's plan, soonest review first; plans without a
    date come last."""
    return (
        DevelopmentPlan.objects.filter(
            owner__in=active_in_role(group_name=roles.MEMBERS)
        )
        .select_related("owner")
        .order_by(F("review_on").asc(nulls_last=True), "owner__first_name")
    )


def plans_to_review(*, today: date) -> QuerySet[DevelopmentPlan]:
    """For the lead's dashboard: reviews overdue or within the reminder window."""
    return plans_for_lead().filter(
        review_on__lte=today + timedelta(days=REVIEW_REMINDER_DAYS)
    )


def plan_of(*, owner: User) -> DevelopmentPlan | None:
    return DevelopmentPlan.objects.filter(owner=owner).first()


def plan_review_date_warning(*, review_on: date | None, today: date) -> str:
    """A past review date is kept (it may be right), with a word about it."""
    if review_on and review_on < today:
        return _(
            "The review date, %(date)s, has already passed. It is "
            "saved; change it if it was a mistake."
        ) % {"date": date_format(review_on, "j F Y")}
    return ""


def plan_review_due(*, plan: DevelopmentPlan | None, today: date) -> bool:
    """Due soon, or overdue: what the dashboards point out."""
    return bool(
        plan
        and plan.review_on
        and plan.review_on <= today + timedelta(days=REVIEW_REMINDER_DAYS)
    )
