from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage

WELSH = "cy"
EASY_READ_FORMATS = ["pdf", "docx", "odt", "rtf"]


class CharterVersion(models.Model):
    """One published version of the group's Charter. Versions are never
    edited after publishing: acceptances point at the exact words."""

    number = models.PositiveIntegerField(unique=True)
    body = models.TextField(
        _("the Charter"),
        help_text=_(
            "Leave a blank line between paragraphs. Start a line with ## "
            "to make it a heading."
        ),
    )
    summary_of_changes = models.TextField(
        _("what changed"),
        help_text=_("In plain words, what is different from the last version."),
    )
    easy_read = models.FileField(
        _("Easy Read version"),
        upload_to="charter/",
        storage=private_storage,
        blank=True,
        validators=[FileExtensionValidator(EASY_READ_FORMATS)],
        help_text=_("Optional. A PDF or Word document."),
    )
    # The same version in Welsh, when it is ready: members who read in Welsh
    # are shown it (else the English, with a notice), and an acceptance
    # records which they read.
    body_cy = models.TextField(
        _("the Charter in Welsh"),
        blank=True,
        help_text=_(
            "Optional: add it when the translation is ready. The same layout "
            "as the English: a blank line between paragraphs, ## for a heading."
        ),
    )
    summary_of_changes_cy = models.TextField(_("what changed, in Welsh"), blank=True)
    easy_read_cy = models.FileField(
        _("Welsh Easy Read version"),
        upload_to="charter/",
        storage=private_storage,
        blank=True,
        validators=[FileExtensionValidator(EASY_READ_FORMATS)],
        help_text=_("Optional. A PDF or Word document."),
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

    def language_for(self, reader_language: str) -> str:
        """The language its text is shown in to someone reading in
        `reader_language`: Welsh once there is a Welsh text, else English."""
        if reader_language == WELSH and self.body_cy.strip():
            return WELSH
        return settings.LANGUAGE_CODE

    def text_in(self, language: str) -> tuple[str, str]:
        """(the Charter, what changed) in `language` (language_for's answer);
        what changed falls back to English if it has no Welsh."""
        if language == WELSH:
            return self.body_cy, self.summary_of_changes_cy or self.summary_of_changes
        return self.body, self.summary_of_changes

    def easy_read_in(self, language: str):
        """(file, its language) for a reader of `language`, or (None, "")."""
        if language == WELSH and self.easy_read_cy:
            return self.easy_read_cy, WELSH
        if self.easy_read:
            return self.easy_read, settings.LANGUAGE_CODE
        return None, ""


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
    # The language of the text they read (English before there was Welsh).
    language = models.CharField(
        _("read in"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
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
