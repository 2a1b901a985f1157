"""A few notifications for the demo accounts, through the real service."""

from members.models import User
from notifications.models import Notification
from notifications.services import notify

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
]


def notifications_load() -> None:
    for emails, kind, subject, body, url, key in DEMO_NOTIFICATIONS:
        notify(
            recipients=User.objects.filter(email__in=emails),
            kind=kind,
            subject=subject,
            body=body,
            url=url,
            dedupe_key=key,
        )
