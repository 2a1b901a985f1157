"""Reads for the library: the filtered list of resources."""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.content_generation import public_pages
from core.languages import locale_codes, page_language
from core.listing import choice_filters_apply, page_get
from core.nations import NATION_CHOICES, NATIONS

from .models import Audience, ResourcePage, Topic

PAGE_SIZE = 12


def resource_list(*, index: Page, params: QueryDict) -> dict:
    """Resources under `index` filtered by ?type=, ?topic=, ?audience=, ?nation=.

    An unknown filter or page number is reported, never an error.
    """
    resources = (
        public_pages(ResourcePage.objects.child_of(index).live())
        .select_related("topic", "document")
        .order_by("title")
    )
    notices, filters = [], {}
    resources = choice_filters_apply(
        queryset=resources,
        params=params,
        specs=[
            (
                "type",
                "resource_type",
                dict(ResourcePage.Type.choices),
                _("We do not know that type, so all are shown."),
            ),
            (
                "audience",
                "audience",
                dict(Audience.choices),
                _("We do not know that audience, so all are shown."),
            ),
            (
                "nation",
                "nation",
                NATIONS,
                _("We do not know that nation, so all are shown."),
            ),
        ],
        notices=notices,
        filters=filters,
    )
    topics = topics_in(language=page_language(index))
    resources = choice_filters_apply(
        queryset=resources,
        params=params,
        specs=[
            (
                "topic",
                "topic__slug",
                {t.slug: t.name for t in topics},
                _("We do not know that topic, so all are shown."),
            )
        ],
        notices=notices,
        filters=filters,
    )
    page = page_get(items=resources, params=params, per_page=PAGE_SIZE, notices=notices)

    return {
        "resources": page,
        "filters": filters,
        "notices": notices,
        "type_choices": ResourcePage.Type.choices,
        "topic_choices": [(t.slug, t.name) for t in topics],
        "audience_choices": Audience.choices,
        "nation_choices": NATION_CHOICES,
        "current": {
            key: params.get(key, "") for key in ("type", "topic", "audience", "nation")
        },
    }


def topics_in(*, language: str) -> list[Topic]:
    """Each topic once, in `language` where it is translated and otherwise
    as it was written (English), by name. Translations share the slug."""
    codes = locale_codes()
    chosen: dict = {}
    for topic in Topic.objects.all():
        key = topic.translation_key
        if key not in chosen or codes.get(topic.locale_id) == language:
            chosen[key] = topic
    return sorted(chosen.values(), key=lambda topic: topic.name)
