"""Reads for the library: the filtered list of resources."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

from core.nations import NATION_CHOICES, NATIONS

from .models import Audience, ResourcePage, Topic

PAGE_SIZE = 12


def resource_list(*, index, params) -> dict:
    """Resources under `index` filtered by ?type=, ?topic=, ?audience=, ?nation=.

    An unknown filter or page number is reported, never an error.
    """
    resources = (
        ResourcePage.objects.child_of(index)
        .live()
        .public()
        .select_related("topic", "document")
        .order_by("title")
    )
    notices, filters = [], {}
    simple_filters = [
        ("type", "resource_type", dict(ResourcePage.Type.choices), "type"),
        ("audience", "audience", dict(Audience.choices), "audience"),
        ("nation", "nation", NATIONS, "nation"),
    ]
    for param, field, known, word in simple_filters:
        value = params.get(param, "")
        if not value:
            continue
        if value in known:
            resources = resources.filter(**{field: value})
            filters[param] = known[value]
        else:
            notices.append(f"We do not know that {word}, so all are shown.")

    topics = list(Topic.objects.all())
    topic_slug = params.get("topic", "")
    if topic_slug:
        topic = next((t for t in topics if t.slug == topic_slug), None)
        if topic:
            resources = resources.filter(topic=topic)
            filters["topic"] = topic.name
        else:
            notices.append("We do not know that topic, so all are shown.")

    paginator = Paginator(resources, PAGE_SIZE)
    try:
        page = paginator.page(params.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
        if "page" in params:
            notices.append("That page number does not exist; this is page 1.")

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
