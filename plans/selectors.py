"""Reads for plans; callers have already checked who may see them."""

from datetime import date, timedelta

from django.db.models import F

from members import roles
from members.selectors import active_in_role

from .models import DevelopmentPlan
from .services import REVIEW_REMINDER_DAYS


def plans_for_lead():
    """Every current member's plan, soonest review first; plans without a
    date come last."""
    return (
        DevelopmentPlan.objects.filter(owner__in=active_in_role(roles.MEMBERS))
        .select_related("owner")
        .order_by(F("review_on").asc(nulls_last=True), "owner__first_name")
    )


def plans_to_review(today: date):
    """For the lead's dashboard: reviews overdue or within the reminder window."""
    return plans_for_lead().filter(
        review_on__lte=today + timedelta(days=REVIEW_REMINDER_DAYS)
    )


def plan_of(owner) -> DevelopmentPlan | None:
    return DevelopmentPlan.objects.filter(owner=owner).first()
