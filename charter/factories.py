"""Factories for versions of the Charter and people's acceptances of them.
May import members."""

import factory
from django.db.models import Max

from members.factories import UserFactory

from .models import CharterAcceptance, CharterVersion


def _next_number() -> int:
    return (CharterVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1


class CharterVersionFactory(factory.django.DjangoModelFactory):
    """The next version of the Charter, published now."""

    class Meta:
        model = CharterVersion

    number = factory.LazyFunction(_next_number)
    body = "## How we work together\n\nWe listen to each other."
    summary_of_changes = "We added how we listen to each other."


class CharterAcceptanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CharterAcceptance

    user = factory.SubFactory(UserFactory, groups=["Members"])
    version = factory.SubFactory(CharterVersionFactory)
