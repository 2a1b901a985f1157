"""Notifications for the demo accounts, through the real service, after
giving each person their own way of hearing about things."""

from django.utils import timezone

from members.models import User
from notifications.factories import NotificationPreferenceFactory, OutboxEmailFactory
from notifications.models import (
    Delivery,
    Notification,
    OutboxEmail,
)
from notifications.services import notify

# Who hears how: straight away, a summary, only on the site, or a phone call.
DEMO_PREFERENCES = {
    "member@example.org": {
        "general": Delivery.WEEKLY,
        "moderation": Delivery.DAILY,
    },
    "member2@example.org": {
        "opportunity": Delivery.PHONE,
        "payment": Delivery.PHONE,
        "general": Delivery.IN_APP,
    },
    "lead@example.org": {"reminder": Delivery.DAILY},
}

DEMO_NOTIFICATIONS = [
    (
        ["member@example.org", "member2@example.org"],
        Notification.Kind.OPPORTUNITY,
        "New paid opportunity: help plan the autumn roundtable",
        "Two online sessions in October. The fee is known in advance.",
        "/stories/",
        "demo:opportunity:roundtable",
    ),
    (
        ["member@example.org"],
        Notification.Kind.MODERATION,
        "Your story was published",
        "“Carers Week 2023: a video interview” is now on the site.",
        "/stories/carers-week-2023-a-video-interview/",
        "demo:moderation:carers-week",
    ),
    (
        ["member@example.org", "member2@example.org", "lead@example.org"],
        Notification.Kind.GENERAL,
        "The library has new training courses",
        "Four short courses, including 'Writing in plain language'.",
        "/library/?type=training",
        "demo:general:library-courses",
    ),
    (
        ["lead@example.org"],
        Notification.Kind.REMINDER,
        "Two development plans are due for review this month",
        "",
        "",
        "demo:reminder:plans",
    ),
    (
        ["member2@example.org"],
        Notification.Kind.PAYMENT,
        "Your payment for the spring roundtable was paid",
        "£90 was paid into your account. The reference is CPAG-0314.",
        "",
        "demo:payment:spring-roundtable",
    ),
    (
        ["member@example.org", "member2@example.org"],
        Notification.Kind.CHARTER,
        "Please read the updated Charter",
        "The new version adds how we run online meetings.",
        "",
        "demo:charter:online-meetings",
    ),
]


def notifications_load() -> None:
    for email, choices in DEMO_PREFERENCES.items():
        user = User.objects.get(email=email)
        for kind, delivery in choices.items():
            # Never overwrite a choice someone made while trying the site.
            NotificationPreferenceFactory(user=user, kind=kind, delivery=delivery)
    for emails, kind, subject, body, url, key in DEMO_NOTIFICATIONS:
        notify(
            recipients=User.objects.filter(email__in=emails),
            kind=kind,
            subject=subject,
            body=body,
            url=url,
            dedupe_key=key,
        )
    # One email that could not be sent, for the lead to find and retry.
    key = "demo:failed:payment-approved"
    if not OutboxEmail.objects.filter(dedupe_key=key).exists():
        OutboxEmailFactory(
            dedupe_key=key,
            recipient=None,
            to_address="old.address@example.org",
            subject="Your payment claim was approved",
            template="emails/notification",
            context={},
            state=OutboxEmail.State.FAILED,
            attempts=8,
            last_error="SMTPRecipientsRefused: 550 5.1.1 Mailbox unavailable",
            created_at=timezone.now(),
        )
