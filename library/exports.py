"""Library resources a person added, for their download: titles and
addresses only (the resources themselves are on the site). Found by
core.exports."""

from wagtail.models import Page

from core.exports import PersonPart

from .models import ResourcePage, TrainingStepPage


def person_data(person) -> PersonPart:
    pages = (
        Page.objects.type(ResourcePage, TrainingStepPage)
        .filter(owner=person)
        .order_by("title")
    )
    return PersonPart(
        key="library",
        title="Library resources you added",
        about="Resources and training steps you added to the library: the "
        "title, the address and whether it is live.",
        data=[
            {
                "title": page.title,
                "address": page.full_url or "",
                "live": page.live,
                "first published": page.first_published_at,
            }
            for page in pages
        ],
    )
