from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone

from core.storage import private_storage


class CharterVersion(models.Model):
    """One published version of the group's Charter. Versions are never
    edited after publishing: acceptances point at the exact words."""

    number = models.PositiveIntegerField(unique=True)
    body = models.TextField(
        "the Charter",
        help_text="Leave a blank line between paragraphs. Start a line with ## "
        "to make it a heading.",
    )
    summary_of_changes = models.TextField(
        "what changed",
        help_text="In plain words, what is different from the last version.",
    )
    easy_read = models.FileField(
        "Easy Read version",
        upload_to="charter/",
        storage=private_storage,
        blank=True,
        validators=[FileExtensionValidator(["pdf", "docx", "odt", "rtf"])],
        help_text="Optional. A PDF or Word document.",
    )
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-number"]

    def __str__(self):
        return f"Charter version {self.number}"


class CharterAcceptance(models.Model):
    """Who accepted which version, and when. Kept for ever."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="charter_acceptances",
    )
    version = models.ForeignKey(
        CharterVersion, on_delete=models.PROTECT, related_name="acceptances"
    )
    accepted_at = models.DateTimeField(default=timezone.now)
    # A supporter who accepted for the member (with the member's say-so).
    on_behalf_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "version"], name="one_acceptance_per_version"
            )
        ]

    def __str__(self):
        return f"{self.user} accepted version {self.version.number}"
