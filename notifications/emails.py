"""Turning an outbox row into an email: plain text plus accessible HTML."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .links import link_context
from .models import OutboxEmail


def absolute_url(path: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def email_notifications(email: OutboxEmail) -> list:
    """What the email carries, oldest first. The targets come in one query,
    not one per item of a digest."""
    return list(
        email.notifications.order_by("created_at", "pk").prefetch_related("target")
    )


def email_render(email: OutboxEmail, *, notifications=None) -> tuple[str, str]:
    """Render both bodies, in the email's language, from the row's template
    and what it carries. An account link is made now (it may raise
    links.LinkNotNeeded)."""
    with translation.override(email.language or settings.LANGUAGE_CODE):
        return _email_render(email, notifications=notifications)


def _email_render(email: OutboxEmail, *, notifications=None) -> tuple[str, str]:
    if notifications is None:
        notifications = email_notifications(email)
    link = (
        link_context(name=email.account_link, object_id=email.account_link_for)
        if email.account_link
        else {}
    )
    context = {
        **email.context,
        **link,
        "email": email,
        "recipient": email.recipient,
        "notifications": [
            {"notification": n, "link": absolute_url(n.link) if n.link else ""}
            for n in notifications
        ],
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": absolute_url("/"),
        "notifications_url": absolute_url(reverse("notifications:centre")),
        "preferences_url": absolute_url(reverse("notifications:preferences")),
        "login_url": absolute_url(reverse("accounts:login")),
    }
    return (
        render_to_string(f"{email.template}.txt", context),
        render_to_string(f"{email.template}.html", context),
    )


def email_message(email: OutboxEmail, connection) -> EmailMultiAlternatives:
    """The message for a row, rendering its bodies if it has none yet (the
    outbox keeps them with the outcome, so every retry sends the same words;
    an email with an account link is made afresh each time, its link too)."""
    notifications = email_notifications(email)
    if not email.body_text or not email.keeps_bodies:
        email.body_text, email.body_html = email_render(
            email, notifications=notifications
        )
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        to=[email.to_address],
        connection=connection,
        headers={
            "Message-ID": email.message_id,
            # Tells mail programs not to send holiday auto-replies back.
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(email.body_html, "text/html")
    # A target may offer files (a calendar invitation, say): asking it keeps
    # this app from importing any feature app. A file goes once per email.
    attached = set()
    for notification in notifications:
        offer = getattr(notification.target, "email_attachments", None)
        for filename, content, mimetype in offer() if callable(offer) else []:
            if filename not in attached:
                attached.add(filename)
                message.attach(filename, content, mimetype)
    return message
