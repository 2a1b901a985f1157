"""Factories for networks and the directory page. Tests and the demo build
on them; they import only this app's models."""

from datetime import date

import factory
import wagtail_factories

from .models import Network, NetworksPage


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Lived Experience Network {n}")
    nations = factory.LazyFunction(lambda: ["wales"])
    topics = factory.LazyFunction(lambda: ["mental-health"])
    who_for = "People with lived experience of mental health services."
    how_to_join = "Email the coordinator, or come along to a meeting."
    accessibility = "Online with captions, or a step-free venue; travel paid."
    link = "https://network.example.org/"
    last_checked = factory.LazyFunction(date.today)
    status = Network.Status.APPROVED

    class Params:
        suggested = factory.Trait(
            status=Network.Status.SUGGESTED,
            last_checked=None,
            suggested_by_name="Sam Ellis",
            suggested_by_email="sam@example.net",
        )
        hidden = factory.Trait(status=Network.Status.HIDDEN)


class NetworksPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NetworksPage

    title = "Networks across the four nations"
    introduction = "Co-production and lived experience networks you can join."
