"""Factories for development plans, their goals, reviews and comments.
May import members."""

import factory
from django.utils import timezone

from members.factories import UserFactory
from members.roles import ENGAGEMENT_LEADS

from .models import DevelopmentPlan, Goal, PlanComment, PlanReview


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    """A member's plan (one each: an existing plan is reused)."""

    class Meta:
        model = DevelopmentPlan
        django_get_or_create = ("owner",)

    owner = factory.SubFactory(UserFactory, groups=["Members"])


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(DevelopmentPlanFactory)
    title = "Chair a meeting"
    steps = "Watch how the lead chairs one, then chair part of the next."
    support_needed = "Someone to go through the agenda with me first."
    status = Goal.Status.NOT_STARTED


class PlanReviewFactory(factory.django.DjangoModelFactory):
    """The lead's review of a plan, today."""

    class Meta:
        model = PlanReview

    plan = factory.SubFactory(DevelopmentPlanFactory)
    reviewer = factory.SubFactory(UserFactory, groups=[ENGAGEMENT_LEADS])
    reviewed_on = factory.LazyFunction(timezone.localdate)
    notes = "We agreed the goals."


class PlanCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanComment

    plan = factory.SubFactory(DevelopmentPlanFactory)
    author = factory.SubFactory(UserFactory, groups=[ENGAGEMENT_LEADS])
    body = "Shall I book you a place on the course?"
