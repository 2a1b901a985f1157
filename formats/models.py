"""“Ask for this in another format”: anyone, signed in or not, on any page,
asks for Easy Read, large print, audio or a call; the engagement lead
answers. Requests are never deleted: answering marks them done."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FormatRequest(models.Model):
    class Format(models.TextChoices):
        EASY_READ = "easy_read", _("Easy Read")
        LARGE_PRINT = "large_print", _("Large print")
        AUDIO = "audio", _("Audio (a recording read aloud)")
        CALL = "call", _("A phone or video call to talk it through")
        OTHER = "other", _("Something else")

    page_path = models.CharField(_("page"), max_length=500)
    format = models.CharField(max_length=20, choices=Format.choices)
    details = models.TextField(blank=True)
    name = models.CharField(max_length=150)
    reply_to = models.CharField(_("email address or phone number"), max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="format_requests",
    )
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_format_display()} of {self.page_path}"
