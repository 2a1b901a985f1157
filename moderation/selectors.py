"""Reads for moderation: what a Welsh (or any) translation still lacks."""

from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

# How many untranslated passages a message names before "and N more".
MISSING_SHOWN = 5


def translation_for_page(*, page: Page) -> Translation | None:
    """The wagtail-localize translation that makes this page, if it is one
    being translated segment by segment (not an alias, not stopped)."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def translation_missing(*, translation: Translation) -> list[str]:
    """The English words of each passage not translated yet (or whose
    translation has an error), in the page's order."""
    return [
        segment.string.data
        for segment in StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .select_related("string")
        .order_by("order")
    ]
