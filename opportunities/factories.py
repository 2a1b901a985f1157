"""Factories for opportunities, their sessions, sign-ups and engagement
requests. Tests and the demo build on them; they import only models."""

from datetime import datetime, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from members.factories import UserFactory

from .models import (
    EngagementRequest,
    Kind,
    Opportunity,
    Session,
    SignUp,
    Workstream,
)


def _in_days(days: int):
    return factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=days))


class WorkstreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workstream
        django_get_or_create = ("name",)

    name = "Carers"


class OpportunityFactory(factory.django.DjangoModelFactory):
    """An open one-off opportunity closing in a week, with `sessions` sessions
    (2 by default) of 2.5 hours from a fortnight today: at £25 an hour one
    person earns £125 in all."""

    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    title = "Review a leaflet for carers"
    summary = "Read a draft leaflet and tell us what is unclear."
    kind = Kind.ONE_OFF
    workstream = factory.SubFactory(WorkstreamFactory)
    fee_basis = Opportunity.FeeBasis.PER_HOUR
    fee_rate = Decimal("25.00")
    hours_per_session = Decimal("2.5")
    places = 2
    closes_on = _in_days(7)
    mode = Opportunity.Mode.ONLINE
    status = Opportunity.Status.OPEN

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        # Tests write money as text ("40.10"); the model holds exact Decimals.
        kwargs["fee_rate"] = Decimal(kwargs["fee_rate"])
        return kwargs

    @factory.post_generation
    def sessions(self, create, extracted, **kwargs):
        """OpportunityFactory(sessions=3) gives it three sessions on
        consecutive days, 10:00 to 12:30; sessions=0 gives none."""
        count = 2 if extracted is None else extracted
        if not create:
            return
        start = timezone.make_aware(
            datetime.combine(
                timezone.localdate() + timedelta(days=14), datetime.min.time()
            )
        )
        for number in range(count):
            SessionFactory(
                opportunity=self,
                starts_at=start + timedelta(days=number, hours=10),
                ends_at=start + timedelta(days=number, hours=12, minutes=30),
            )


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    opportunity = factory.SubFactory(OpportunityFactory, sessions=0)
    starts_at = factory.LazyFunction(
        lambda: (
            timezone.now().replace(minute=0, second=0, microsecond=0)
            + timedelta(days=14)
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2.5))


class SignUpFactory(factory.django.DjangoModelFactory):
    """A member signed up; SignUpFactory(selected=True) for one already chosen."""

    class Meta:
        model = SignUp

    class Params:
        selected = factory.Trait(status=SignUp.Status.SELECTED)

    opportunity = factory.SubFactory(OpportunityFactory)
    member = factory.SubFactory(UserFactory, groups=["Members"])
    status = SignUp.Status.SIGNED_UP


class EngagementRequestFactory(factory.django.DjangoModelFactory):
    """Staff asking for the group's help, waiting for the lead."""

    class Meta:
        model = EngagementRequest

    requested_by = factory.SubFactory(UserFactory, groups=["Staff"])
    title = "Tell us what makes a good carers' assessment"
    description = "We are rewriting the assessment letter and want it clear."
    workstream = factory.SubFactory(WorkstreamFactory)
    starts_on = _in_days(21)
    ends_on = _in_days(49)
    expected_hours = Decimal("3")
    kind = Kind.ONE_OFF
    budget = Decimal("300.00")
