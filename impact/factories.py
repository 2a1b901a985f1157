"""Factories for meetings, outcomes, reflection flows, changes, "were we
heard?" answers and the annual report's words. Tests and the demo build on
them; they import only models and the factories of the apps below."""

from datetime import date

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from members.factories import UserFactory
from opportunities.factories import WorkstreamFactory

from .models import (
    Change,
    HeardAnswer,
    HeardAsk,
    Meeting,
    Outcome,
    ReflectionFlow,
    ReportYear,
    WhatWeDidPage,
)


class MeetingFactory(factory.django.DjangoModelFactory):
    """A group meeting last month with a question put to the group."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    kind = Meeting.Kind.MEETING
    date = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    title = factory.Sequence(lambda n: f"Group meeting {n + 1}")
    slug = factory.LazyAttribute(lambda meeting: slugify(meeting.title))
    question = "How should we share what the group does with staff?"
    covered = "The year's work plan and how members would like to be involved."

    @factory.post_generation
    def attendees(self, create, extracted, **kwargs):
        """MeetingFactory(attendees=[...]) records who was there."""
        if create and extracted:
            self.attendees.add(*extracted)

    @factory.post_generation
    def led_by(self, create, extracted, **kwargs):
        """MeetingFactory(led_by=[...]): members who co-designed or
        co-delivered it."""
        if create and extracted:
            self.led_by.add(*extracted)


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    meeting = factory.SubFactory(MeetingFactory)
    text = "Members will write a short piece for the staff newsletter."
    from_whom = "Members at the meeting"


class ReflectionFlowFactory(factory.django.DjangoModelFactory):
    """A flow raised this year that has been heard, not yet acted on."""

    class Meta:
        model = ReflectionFlow

    title = factory.Sequence(lambda n: f"Reflection {n + 1}")
    year_raised = factory.LazyFunction(lambda: timezone.localdate().year)
    workstream = factory.SubFactory(WorkstreamFactory)
    you_said = "Papers arrive too late to read before the meeting."
    you_said_on = factory.LazyAttribute(lambda flow: date(flow.year_raised, 3, 1))
    you_said_by = "Members at a group meeting"
    we_heard = "Papers need to reach members a week before."
    we_heard_on = factory.LazyAttribute(lambda flow: date(flow.year_raised, 3, 15))
    we_heard_by = factory.SubFactory(UserFactory)


class ChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Change

    what = "The carers' leaflet was rewritten in plain words."
    where = "Carers team"
    recorded_by = factory.SubFactory(UserFactory)


class HeardAnswerFactory(factory.django.DjangoModelFactory):
    """A member's answers about a meeting: heard, mostly."""

    class Meta:
        model = HeardAnswer

    member = factory.SubFactory(UserFactory)
    meeting = factory.SubFactory(MeetingFactory)
    heard = 4
    difference = 3
    ways_of_working = 4
    took_part = 5


class HeardAskFactory(factory.django.DjangoModelFactory):
    """A member was asked the four questions about a meeting."""

    class Meta:
        model = HeardAsk

    member = factory.SubFactory(UserFactory)
    meeting = factory.SubFactory(MeetingFactory)


class ReportYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportYear
        django_get_or_create = ("year",)

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    introduction = "This year the group grew and took part in more paid work."
    priorities_next_year = "Measuring the value of the group."


class WhatWeDidPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WhatWeDidPage

    title = "What we did"
