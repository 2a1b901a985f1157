"""Notifications' part of a person's download (what the site told them,
how they chose to hear, the emails sent to them), and of anonymising
someone who has left. Found by core.exports; see there."""

from django.db.models import Q

from core.exports import Anonymising, PersonPart

from .models import CallBack, Notification, NotificationPreference, OutboxEmail


def person_data(person) -> PersonPart:
    notifications = Notification.objects.filter(recipient=person)
    preferences = NotificationPreference.objects.filter(user=person)
    calls = CallBack.objects.filter(notification__recipient=person).select_related(
        "notification", "done_by"
    )
    emails = OutboxEmail.objects.filter(recipient=person)
    return PersonPart(
        key="notifications",
        title="Notifications and emails",
        about=(
            "Every notification the site has for you, read or not; how you chose "
            "to hear about each kind of news; the calls the engagement lead was "
            "asked to make to you instead of an email; and the emails the site "
            "sent you (or is about to)."
        ),
        data={
            "notifications": [
                {
                    "about": item.get_kind_display(),
                    "subject": item.subject,
                    "message": item.body,
                    "link": item.url,
                    "when": item.created_at,
                    "read": item.read_at,
                    "how it reached you": item.get_delivery_display(),
                }
                for item in notifications
            ],
            "how you chose to hear": [
                {
                    "about": choice.get_kind_display(),
                    "how": choice.get_delivery_display(),
                }
                for choice in preferences
            ],
            "calls instead of emails": [
                {
                    "about": call.notification.subject,
                    "asked for": call.created_at,
                    "called": call.done_at,
                    "by": str(call.done_by or ""),
                    "note": call.note,
                }
                for call in calls
            ],
            "emails": [
                {
                    "to": email.to_address,
                    "subject": email.subject,
                    "state": email.get_state_display(),
                    "written": email.created_at,
                    "sent": email.sent_at,
                    "text": email.body_text,
                }
                for email in emails
            ],
        },
    )


def person_anonymise(anonymising: Anonymising) -> None:
    """Their notifications, choices and emails go: they are not needed once
    someone has left. Other people's notifications and emails stay, with the
    person's name and address taken out."""
    person = anonymising.person
    Notification.objects.filter(recipient=person).delete()
    NotificationPreference.objects.filter(user=person).delete()
    OutboxEmail.objects.filter(
        Q(recipient=person) | Q(to_address__iexact=anonymising.old_email)
    ).delete()
    anonymising.scrub_rows(Notification.objects.all(), ("subject", "body"))
    anonymising.scrub_rows(CallBack.objects.all(), ("note",))
    anonymising.scrub_rows(
        OutboxEmail.objects.all(), ("subject", "body_text", "body_html", "context")
    )
