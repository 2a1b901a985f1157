import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a notification is about. People choose a rhythm for each kind."""

    GENERAL = "general", _("News from the group")
    OPPORTUNITY = "opportunity", _("Paid opportunities")
    REMINDER = "reminder", _("Reminders")
    MODERATION = "moderation", _("Your stories and resources")
    PAYMENT = "payment", _("Payments")
    PLAN = "plan", _("Your development plan")
    CHARTER = "charter", _("The Charter")
    CHANNEL = "channel", _("Topics you follow in the channel, and mentions")
    PROJECT = "project", _("Projects you follow")
    # Essential: always emailed straight away, whatever the preferences say.
    ACCOUNT = "account", _("Your account")


class Delivery(models.TextChoices):
    """How a person wants to hear about one kind of notification."""

    IMMEDIATE = "immediate", _("Email me straight away")
    DAILY = "daily", _("Email me once a day, all together")
    WEEKLY = "weekly", _("Email me once a week, all together")
    IN_APP = "in_app", _("Do not email me: I will look on the website")
    PHONE = "phone", _("Phone me instead: the engagement lead will call")


class Notification(models.Model):
    """Something one person should know. One per person per dedupe key."""

    Kind = Kind

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    subject = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    # What the link points at, when it is an object of ours: if that object is
    # deleted the notification still shows, without the link.
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    dedupe_key = models.CharField(max_length=200)
    delivery = models.CharField(
        max_length=20, choices=Delivery.choices, default=Delivery.IN_APP
    )
    # The email that carried it (straight away or in a digest); empty while
    # a digest is still to come.
    email = models.ForeignKey(
        "OutboxEmail",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"], name="one_notification_per_key"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["delivery", "email", "created_at"]),
        ]

    def __str__(self):
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def link(self) -> str:
        """The URL to show, or "" when the thing it pointed at has gone."""
        if self.target_type_id and self.target is None:
            return ""
        return self.url


class NotificationPreference(models.Model):
    """One person's rhythm for one kind. No row means straight away."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    delivery = models.CharField(max_length=20, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="one_preference_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()} – {self.get_delivery_display()}"


def message_id_new() -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "localhost"
    return f"<{uuid.uuid4()}@{domain}>"


class OutboxEmail(models.Model):
    """An email to send. Written first, sent by a task, never sent twice.

    The bodies are rendered by the sending task the first time it picks the
    row up, so a template that cannot render fails this row alone.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to send")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Could not be sent")
        NOT_NEEDED = "not_needed", _("Not needed any more")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="emails",
    )
    to_address = models.EmailField()
    # The recipient's language when the email was made: its subject is in
    # it already, and its bodies are rendered in it (English for an address
    # with no account).
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    subject = models.CharField(max_length=200)
    template = models.CharField(max_length=100)
    # Never a secret: account links are named here and made at send time.
    context = models.JSONField(default=dict, blank=True)
    # The account link this email carries (notifications/links.py), and the
    # object it is for. Such an email's bodies are never kept.
    account_link = models.CharField(max_length=50, blank=True)
    account_link_for = models.CharField(max_length=64, blank=True)
    body_text = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    # Unique, so a repeated task cannot queue the same email twice.
    dedupe_key = models.CharField(max_length=255, unique=True)
    # Stable across retries: the one duplicate SMTP cannot rule out (a worker
    # dying between the server's OK and our commit) carries the same ID.
    message_id = models.CharField(max_length=200, unique=True, default=message_id_new)
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claim = models.UUIDField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("email")
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} → {self.to_address}"

    @property
    def keeps_bodies(self) -> bool:
        """Whether the rendered words may be stored: not when they hold an
        account link, which must exist only in the recipient's mailbox."""
        return not self.account_link


class CallBack(models.Model):
    """A notification for someone who asked to be phoned instead of emailed:
    a task on the engagement lead's list, with the message to read out."""

    notification = models.OneToOneField(
        Notification, on_delete=models.CASCADE, related_name="call_back"
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(blank=True)

    class Meta:
        # Calls still to make first, oldest first.
        ordering = [models.F("done_at").asc(nulls_first=True), "created_at", "pk"]
        verbose_name = _("call-back")

    def __str__(self):
        return f"Call {self.notification.recipient}: {self.notification.subject}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
