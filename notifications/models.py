from django.conf import settings
from django.db import models
from django.utils import timezone


class Notification(models.Model):
    """Something one person should know. One per person per dedupe key."""

    class Kind(models.TextChoices):
        GENERAL = "general", "News from the group"
        OPPORTUNITY = "opportunity", "Paid opportunities"
        REMINDER = "reminder", "Reminders"
        MODERATION = "moderation", "Stories and moderation"
        PAYMENT = "payment", "Payments"
        PLAN = "plan", "Development plans"
        CHARTER = "charter", "The Charter"
        ACCOUNT = "account", "Your account"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    subject = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    dedupe_key = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"], name="one_notification_per_key"
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
