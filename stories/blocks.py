"""Blocks for story bodies: the shared content blocks plus media."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtailmedia.blocks import AbstractMediaChooserBlock

from core.blocks import CONTENT_BLOCKS

from .embeds import REFUSAL, embed_allowed


class MediaBlock(AbstractMediaChooserBlock):
    """A video or audio item, played by the browser with captions and a
    transcript. Items missing either are refused."""

    def clean(self, value):
        value = super().clean(value)
        if value is not None and (problems := value.accessibility_problems()):
            raise ValidationError(
                gettext(
                    "“%(title)s” cannot be used yet: %(problems)s Edit it under Media."
                )
                % {
                    "title": value.title,
                    "problems": " ".join(str(problem) for problem in problems.values()),
                }
            )
        return value

    def render_basic(self, value, context=None):
        from django.template.loader import render_to_string

        return render_to_string("components/media_player.html", {"media": value})

    class Meta:
        icon = "media"
        description = _("A video or audio item with captions and a transcript.")


class EmbedWithTranscriptBlock(blocks.StructBlock):
    embed = EmbedBlock(help_text=_("A link to a video on another site."))
    title = blocks.CharBlock(help_text=_("What the video is, in a few words."))
    transcript = blocks.TextBlock(
        help_text=_("Everything that is said, written out. Required.")
    )

    def clean(self, value):
        # A video on YouTube or Vimeo only (stories/embeds.py): any other
        # address is refused with a way round, before a provider is asked.
        embed = value.get("embed")
        if isinstance(embed, EmbedValue) and not embed_allowed(embed.url):
            raise StructBlockValidationError(
                block_errors={"embed": ValidationError(gettext(REFUSAL))}
            )
        return super().clean(value)

    class Meta:
        icon = "media"
        template = "stories/blocks/embed.html"
        description = _("A video from another site, with a transcript.")


STORY_BLOCKS = [
    *CONTENT_BLOCKS,
    ("media", MediaBlock()),
    ("embed", EmbedWithTranscriptBlock()),
]
