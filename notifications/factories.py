"""Factories for notifications and the emails in the outbox. Notifications
sits below members and knows people only as users (the user model named in
settings), so the recipient is made here."""

import factory
from django.conf import settings
from django.contrib.auth.models import Group

from .models import Delivery, Kind, Notification, NotificationPreference, OutboxEmail


class RecipientFactory(factory.django.DjangoModelFactory):
    """Someone with an account; RecipientFactory(groups=["Members"]) gives a
    role group too."""

    class Meta:
        model = settings.AUTH_USER_MODEL
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    first_name = "Aled"
    last_name = factory.Sequence(lambda n: f"Recipient {n}")
    email = factory.Sequence(lambda n: f"recipient{n}@example.org")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(
                *(Group.objects.get_or_create(name=n)[0] for n in extracted)
            )


class NotificationFactory(factory.django.DjangoModelFactory):
    """News from the group, shown on the website only, not yet read."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(RecipientFactory, groups=["Members"])
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

    user = factory.SubFactory(RecipientFactory, groups=["Members"])
    kind = Kind.GENERAL
    delivery = Delivery.WEEKLY


class OutboxEmailFactory(factory.django.DjangoModelFactory):
    """A notification email waiting to be sent."""

    class Meta:
        model = OutboxEmail

    recipient = factory.SubFactory(RecipientFactory)
    to_address = factory.SelfAttribute("recipient.email")
    subject = "News from the Co-production Hub"
    template = "emails/notification"
    context = factory.LazyAttribute(
        lambda o: {"subject": o.subject, "body": "Bring your ideas."}
    )
    dedupe_key = factory.Sequence(lambda n: f"factory-email:{n}")
