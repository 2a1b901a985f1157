"""Factories for notifications and the emails in the outbox. Imports
members' factories only (notifications imports no feature)."""

import factory

from members.factories import UserFactory

from .models import Delivery, Kind, Notification, NotificationPreference, OutboxEmail


class NotificationFactory(factory.django.DjangoModelFactory):
    """News from the group, shown on the website only, not yet read."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory, groups=["Members"])
    kind = Kind.GENERAL
    subject = "The next Assembly meeting is on Tuesday"
    body = "Bring your ideas for the work plan."
    dedupe_key = factory.Sequence(lambda n: f"factory:{n}")


class NotificationPreferenceFactory(factory.django.DjangoModelFactory):
    """How someone hears about one kind of news (one each: an existing choice
    is kept, never overwritten)."""

    class Meta:
        model = NotificationPreference
        django_get_or_create = ("user", "kind")

    user = factory.SubFactory(UserFactory, groups=["Members"])
    kind = Kind.GENERAL
    delivery = Delivery.WEEKLY


class OutboxEmailFactory(factory.django.DjangoModelFactory):
    """A notification email waiting to be sent."""

    class Meta:
        model = OutboxEmail

    recipient = factory.SubFactory(UserFactory)
    to_address = factory.SelfAttribute("recipient.email")
    subject = "News from the Co-production Hub"
    template = "emails/notification"
    context = factory.LazyAttribute(
        lambda o: {"subject": o.subject, "body": "Bring your ideas."}
    )
    dedupe_key = factory.Sequence(lambda n: f"factory-email:{n}")
