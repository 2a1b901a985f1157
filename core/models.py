from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtailmedia.models import AbstractMedia

from .blocks import EasyReadPointBlock
from .content_checks import content_report
from .languages import page_language
from .routing import ServedFromCache


class AccessibleMedia(AbstractMedia):
    """A video or audio file with the captions and transcript people need."""

    captions = models.FileField(
        upload_to="media_captions",
        blank=True,
        validators=[FileExtensionValidator(["vtt"])],
        help_text=_("Captions as a WebVTT (.vtt) file. Every video needs them."),
    )
    transcript = models.TextField(
        blank=True,
        help_text=_(
            "Everything that is said, written out. Every video and "
            "audio item needs one; it is shown under the player."
        ),
    )

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "duration",
        "width",
        "height",
        "thumbnail",
        "captions",
        "transcript",
        "tags",
    )

    class Meta:
        verbose_name = _("video or audio item")
        verbose_name_plural = _("video and audio items")

    def accessibility_problems(self) -> dict[str, str]:
        """What stops this item going live, by field name."""
        problems = {}
        if self.type == "video" and not self.captions:
            problems["captions"] = _("Add a captions file (.vtt) for this video.")
        if not self.transcript.strip():
            problems["transcript"] = (
                _("Add a transcript: write out everything that is said in this video.")
                if self.type == "video"
                else _(
                    "Add a transcript: write out everything that is said in this audio."
                )
            )
        return problems

    @property
    def mime_type(self) -> str:
        return self.sources[0]["type"]


class EasyReadPage(ServedFromCache, Page):
    """An Easy Read companion of another page: short points, each with a
    picture. The two pages link to each other at the top."""

    original = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.PROTECT,
        related_name="easy_read_versions",
        help_text=_("The page this is the Easy Read version of."),
    )
    points = StreamField([("point", EasyReadPointBlock())])

    content_panels = [
        *Page.content_panels,
        PageChooserPanel("original"),
        FieldPanel("points"),
    ]
    # Any page may hold its Easy Read version: each feature page type lists
    # "core.EasyReadPage" in its own subpage_types.
    parent_page_types = None
    subpage_types = []

    class Meta:
        verbose_name = _("Easy Read page")

    def content_report(self):
        return content_report(language=page_language(self), body=self.points)


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """How people reach the engagement lead for help: shown where someone may
    be stuck (a locked sign-in, a request for another format)."""

    help_name = models.CharField(
        _("who to contact"),
        max_length=100,
        default="the engagement lead",
        help_text=_("For example: Jo, our engagement lead."),
    )
    help_email = models.EmailField(_("email address"), blank=True)
    help_phone = models.CharField(_("phone number"), max_length=40, blank=True)
    help_hours = models.CharField(
        _("when they answer"),
        max_length=200,
        blank=True,
        help_text=_("For example: Monday to Thursday, 9am to 5pm."),
    )

    class Meta:
        verbose_name = _("contact details")
