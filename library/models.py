from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import CONTENT_BLOCKS
from core.content_checks import content_report
from core.languages import page_language
from core.nations import NATION_CHOICES, NATIONS
from core.panels import ContentReportPanel
from core.routing import ServedFromCache


class Topic(TranslatableMixin, models.Model):
    """A library topic. Translated with wagtail-localize: the Welsh topic
    keeps the English slug, so ?topic= filters the same in both languages."""

    name = models.CharField(max_length=80)
    slug = models.SlugField()

    panels = ["name", "slug"]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [
            ("translation_key", "locale"),
            ("name", "locale"),
            ("slug", "locale"),
        ]

    def __str__(self):
        return self.name


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    PEOPLE_AND_CARERS = "people-and-carers", _("People who draw on care, and carers")
    PRACTITIONERS = "practitioners", _("Practitioners and providers")
    COMMISSIONERS = "commissioners", _("Commissioners and leaders")
    RESEARCHERS = "researchers", _("Researchers")


class LibraryIndexPage(ServedFromCache, Page):
    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.ResourcePage", "core.EasyReadPage"]
    max_count = 1

    def content_report(self):
        return content_report(
            language=page_language(self), body=None, summary=self.introduction
        )

    def get_context(self, request, *args, **kwargs):
        from .selectors import resource_list

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_list(index=self, params=request.GET))
        return context


class ResourcePage(ServedFromCache, Page):
    """One resource. A training course keeps its steps as child pages."""

    class Type(models.TextChoices):
        DOCUMENT = "document", _("Document")
        VIDEO = "video", _("Video")
        LINK = "link", _("Link")
        TRAINING = "training", _("Training course")

    resource_type = models.CharField(
        _("type"), max_length=10, choices=Type.choices, default=Type.DOCUMENT
    )
    summary = models.TextField(max_length=300)
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    audience = models.CharField(
        max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    nation = models.CharField(max_length=20, choices=NATION_CHOICES, default="uk-wide")
    made_by = models.CharField(
        max_length=150, blank=True, help_text=_("Who made this resource.")
    )
    last_reviewed = models.DateField(null=True, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    media = models.ForeignKey(
        "core.AccessibleMedia",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    external_url = models.URLField(_("web address"), blank=True)
    body = StreamField(CONTENT_BLOCKS, blank=True)

    content_panels = [
        ContentReportPanel(),
        *Page.content_panels,
        FieldPanel("resource_type"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("media"), FieldPanel("external_url")],
            heading=_("The resource (fill in the one that matches its type)"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("topic"),
        FieldPanel("audience"),
        FieldPanel("nation"),
        FieldPanel("made_by"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("made_by"),
        index.FilterField("resource_type"),
    ]
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = ["library.TrainingStepPage"]

    class Meta:
        verbose_name = _("library resource")

    def content_report(self):
        return content_report(
            language=page_language(self), body=self.body, summary=self.summary
        )

    # What each type needs: (attribute to check, field to flag, message).
    REQUIRED_BY_TYPE = {
        Type.DOCUMENT: ("document_id", "document", _("Choose the document.")),
        Type.VIDEO: ("media_id", "media", _("Choose the video.")),
        Type.LINK: ("external_url", "external_url", _("Give the web address.")),
    }

    def clean(self):
        super().clean()
        if required := self.REQUIRED_BY_TYPE.get(self.resource_type):
            attribute, field, message = required
            if not getattr(self, attribute):
                raise ValidationError({field: message})
        if self.media_id and (problems := self.media.accessibility_problems()):
            raise ValidationError({"media": " ".join(map(str, problems.values()))})

    @property
    def is_training(self) -> bool:
        """A training course: its steps are child pages."""
        return self.resource_type == self.Type.TRAINING

    @property
    def nation_label(self) -> str:
        return NATIONS.get(self.nation, "")

    def steps(self):
        return TrainingStepPage.objects.child_of(self).live().order_by("path")


class TrainingStepPage(ServedFromCache, Page):
    """One step of a training course, read in page order."""

    body = StreamField(CONTENT_BLOCKS)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["library.ResourcePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training step")

    def content_report(self):
        return content_report(language=page_language(self), body=self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course = self.get_parent().specific
        steps = list(course.steps())
        position = next(i for i, step in enumerate(steps) if step.pk == self.pk)
        context.update(
            {
                "course": course,
                "steps": steps,
                "step_number": position + 1,
                "previous_step": steps[position - 1] if position > 0 else None,
                "next_step": steps[position + 1] if position + 1 < len(steps) else None,
            }
        )
        return context
