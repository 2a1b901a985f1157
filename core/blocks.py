"""Content blocks shared by every page type.

Each block says what it is for (description), shows an example in the
block picker (preview_value) and renders with its own small template.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

# Headings, bold, lists and links: enough to write well, little to misuse.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(help_text=_("Keep it short: a few words."))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use a sub-heading only inside a section."),
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"
        description = _("A heading that starts a new section of the page.")
        preview_value = {"text": "What we do", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(
        required=False, help_text=_("Who said it, if they agreed to be named.")
    )

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"
        description = _("Words someone said, shown as a quotation.")
        preview_value = {
            "quote": "Good support isn't just about 'services' – "
            "it's about having a life.",
            "attribution": "Our vision",
        }


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    text = blocks.TextBlock()


class CardGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock()
    cards = blocks.ListBlock(CardBlock())

    class Meta:
        icon = "table"
        template = "core/blocks/card_grid.html"
        description = _("A heading with a few short cards side by side.")
        preview_value = {
            "heading": "Our values",
            "cards": [
                {"title": "Equality", "text": "Everyone's voice counts the same."},
                {"title": "Accessibility", "text": "Everyone can take part."},
            ],
        }


class CallToActionValue(blocks.StructValue):
    def url(self) -> str:
        page = self.get("page")
        return page.url if page else self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock()
    text = blocks.TextBlock(required=False)
    link_text = blocks.CharBlock(
        help_text=_(
            "Say where the link goes, for example 'Read our stories'. "
            "Avoid 'click here'."
        )
    )
    page = blocks.PageChooserBlock(required=False)
    external_url = blocks.URLBlock(required=False, label=_("Or a web address"))

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or give a web address."))
                }
            )
        return value

    class Meta:
        icon = "link"
        template = "core/blocks/call_to_action.html"
        value_class = CallToActionValue
        description = _("A short box that invites the reader to do one thing.")
        preview_value = {
            "heading": "Work with us",
            "text": "Ask the group for their input on your project.",
            "link_text": "Find out how to work with us",
            "external_url": "https://example.org/",
        }


class CheckedRichTextBlock(blocks.RichTextBlock):
    """Rich text whose links all have words (a link with none cannot be
    announced by a screen reader)."""

    def clean(self, value):
        from .content_checks import empty_link_count

        value = super().clean(value)
        if empty_link_count(value.source):
            raise ValidationError(
                "A link here has no words. Select some words before adding the "
                "link, so people know where it goes."
            )
        return value


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        help_text=_("Describe what the picture shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text=_("Tick only if the picture adds nothing to the words around it."),
    )
    caption = blocks.CharBlock(required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Describe the picture, or tick 'decorative' if it "
                        "adds nothing to the words."
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        template = "core/blocks/image.html"
        description = _("A picture with a description for people who cannot see it.")


CONTENT_BLOCKS = [
    ("heading", HeadingBlock()),
    (
        "paragraph",
        CheckedRichTextBlock(
            features=RICH_TEXT_FEATURES,
            icon="pilcrow",
            template="core/blocks/paragraph.html",
            description=_("Text, with bold, lists and links."),
            preview_value="<p>We are ten people with lived experience.</p>",
        ),
    ),
    ("quote", QuoteBlock()),
    ("image", ImageBlock()),
    ("cards", CardGridBlock()),
    ("call_to_action", CallToActionBlock()),
]


class EasyReadPointBlock(blocks.StructBlock):
    """One Easy Read point: a picture beside a short sentence or two."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False, help_text=_("Describe the picture in a few words.")
    )
    text = blocks.TextBlock(help_text=_("One idea. Short sentences. Everyday words."))

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(_("Describe the picture."))}
            )
        return value

    class Meta:
        icon = "image"
        template = "core/blocks/easy_read_point.html"
        description = _("A picture beside a short sentence.")
