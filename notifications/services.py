"""Writes for notifications. Every app tells people things through notify()."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model

# Notifications knows people only as users (members sits above it).
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Model, OuterRef, Subquery
from django.utils import timezone, translation
from django.utils.functional import Promise
from django_q.tasks import async_task

from core.text import single_line

from .models import (
    CallBack,
    Delivery,
    Kind,
    Notification,
    NotificationPreference,
    OutboxEmail,
)
from .pauses import users_paused_on

# Kinds people may choose a rhythm for; account emails always go.
CHOOSABLE_KINDS = [kind for kind in Kind if kind != Kind.ACCOUNT]
DEFAULT_DELIVERY = Delivery.IMMEDIATE


def notify(
    *,
    recipients: Iterable,
    kind: str,
    subject: str | Promise,
    body: str | Promise = "",
    url: str = "",
    dedupe_key: str,
    target: Model | None = None,
) -> list[Notification]:
    """Record one notification per recipient and route it by their preference.

    A repeated dedupe_key adds nothing. Straight-away emails go to the outbox
    now, digests wait for their period, "phone me" becomes a call-back. The
    query count does not grow with the number of recipients. `target` (any
    model instance) lets the link disappear if that object is deleted.

    `subject` and `body` may be lazy (gettext_lazy, format_lazy): each
    recipient gets them in their own language, rendered once per language.
    """
    if kind not in Kind.values:
        raise ValueError(f"Unknown notification kind: {kind!r}")
    recipient_ids = {getattr(r, "pk", r) for r in recipients}
    if not recipient_ids:
        return []
    # A concurrent notify() with the same key can win the unique constraint
    # between our check and our insert; the second pass then finds its rows.
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                return _notify_new(
                    recipient_ids, kind, subject, body, url, dedupe_key, target
                )
        except IntegrityError:
            if attempt == 2:
                raise
    return []  # pragma: no cover - the loop always returns or raises


def _notify_new(recipient_ids, kind, subject, body, url, dedupe_key, target):
    User = get_user_model()
    preference = NotificationPreference.objects.filter(
        user=OuterRef("pk"), kind=kind
    ).values("delivery")[:1]
    # One query: active recipients without this key yet, with their rhythm.
    now = timezone.now()
    people = User.objects.filter(pk__in=recipient_ids, is_active=True).exclude(
        notifications__dedupe_key=dedupe_key
    )
    if kind == Kind.REMINDER:
        # Reminders stop while someone is paused; everything else still arrives.
        people = people.exclude(users_paused_on(day=timezone.localdate(now)))
    people = list(
        people.annotate(delivery=Subquery(preference))
        .only("pk", "email", "language")
        .order_by("pk")
    )
    words = _in_languages({person.language for person in people}, subject, body)
    deliveries = {
        person.pk: (
            Delivery.IMMEDIATE
            if kind == Kind.ACCOUNT
            else person.delivery or DEFAULT_DELIVERY
        )
        for person in people
    }
    emails = OutboxEmail.objects.bulk_create(
        [
            OutboxEmail(
                recipient_id=person.pk,
                to_address=person.email,
                language=person.language,
                subject=words[person.language][0],
                template="emails/notification",
                dedupe_key=f"notification:{person.pk}:{dedupe_key}",
                created_at=now,
            )
            for person in people
            if deliveries[person.pk] == Delivery.IMMEDIATE
        ]
    )
    email_for = {email.recipient_id: email for email in emails}
    target_type = ContentType.objects.get_for_model(target) if target else None
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=person.pk,
                kind=kind,
                subject=words[person.language][0],
                body=words[person.language][1],
                url=url,
                target_type=target_type,
                target_id=str(target.pk) if target else "",
                dedupe_key=dedupe_key,
                delivery=deliveries[person.pk],
                email=email_for.get(person.pk),
                created_at=now,
            )
            for person in people
        ]
    )
    CallBack.objects.bulk_create(
        [
            CallBack(notification=notification, created_at=now)
            for notification in notifications
            if notification.delivery == Delivery.PHONE
        ]
    )
    return notifications


def _in_languages(
    languages: Iterable[str], *texts: str | Promise
) -> dict[str, tuple[str, ...]]:
    """Each text (plain or lazy) in each language: {language: (texts…)}. A
    subject is kept to one line."""
    words = {}
    for language in languages:
        with translation.override(language or settings.LANGUAGE_CODE):
            first, *rest = (str(text) for text in texts)
            words[language] = (single_line(first), *rest)
    return words


def account_email(
    *,
    to_address: str,
    subject: str | Promise,
    template: str,
    context: dict,
    dedupe_key: str,
    link: str = "",
    link_for: object = "",
    language: str = settings.LANGUAGE_CODE,
) -> OutboxEmail:
    """An essential email (an invitation, a password reset) that always goes,
    whatever the person's preferences, even before they have an account.

    In `language`, the person's own (the site's default for an address with
    no account): a lazy `subject` is rendered in it now, the bodies when the
    email is sent.

    `context` must hold no secret. An email that carries an account link
    names its maker (`link`, registered in notifications/links.py) and the
    object it is for (`link_for`): the link is made when the email is sent."""
    if any(key.endswith("_url") for key in context):
        # A link in the stored context would be readable by anyone with the
        # database; account links are made at send time instead.
        raise ValueError("An account email's context must not hold a link")
    email, created = OutboxEmail.objects.get_or_create(
        dedupe_key=f"account:{dedupe_key}",
        defaults={
            "to_address": to_address,
            "language": language,
            "subject": _in_languages([language], subject)[language][0],
            "template": template,
            "context": context,
            "account_link": link,
            "account_link_for": str(getattr(link_for, "pk", link_for)),
        },
    )
    if created:
        # Someone is waiting at the screen for this one: send it now rather
        # than at the next minute's run (which still retries it if this fails).
        transaction.on_commit(
            lambda: async_task("notifications.tasks.outbox_send", group="outbox")
        )
    return email


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_all_read(*, user: AbstractUser) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preferences_save(*, user: AbstractUser, choices: dict[str, str]) -> None:
    for kind, delivery in choices.items():
        if kind not in CHOOSABLE_KINDS or delivery not in Delivery.values:
            raise ValueError(f"Unknown preference {kind!r}: {delivery!r}")
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": delivery}
        )


def call_back_mark_done(
    *, call_back: CallBack, by: AbstractUser, note: str = ""
) -> None:
    call_back.done_at = timezone.now()
    call_back.done_by = by
    call_back.note = note
    call_back.save(update_fields=["done_at", "done_by", "note"])


def outbox_retry(*, email: OutboxEmail) -> bool:
    """Give a failed email a fresh set of attempts. Re-rendered, in case the
    template was what failed. False if it was not in the failed state."""
    return bool(outbox_retry_failed(pks=[email.pk]))


def outbox_retry_failed(*, pks: Iterable[int] | None = None) -> int:
    """Every failed email (or those of `pks`) waits to be sent again, with a
    fresh set of attempts. Returns how many."""
    failed = OutboxEmail.objects.filter(state=OutboxEmail.State.FAILED)
    if pks is not None:
        failed = failed.filter(pk__in=list(pks))
    count = failed.update(
        state=OutboxEmail.State.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
        body_text="",
        body_html="",
        claim=None,
        claimed_at=None,
    )
    if count:
        transaction.on_commit(
            lambda: async_task("notifications.tasks.outbox_send", group="outbox")
        )
    return count
