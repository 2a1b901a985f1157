"""Factories for development plans and their goals. May import members."""

import factory

from members.factories import UserFactory

from .models import DevelopmentPlan, Goal


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
