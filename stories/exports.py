"""Stories a person wrote, for their download: titles and addresses only
(the stories themselves are on the site). Found by core.exports. When
someone is anonymised their stories stay as published; the byline follows
their profile, so it shows their new name."""

from django.db.models import Q

from core.exports import PersonPart

from .models import StoryPage


def person_data(person) -> PersonPart:
    stories = StoryPage.objects.filter(
        Q(author__user=person) | Q(owner=person)
    ).order_by("-first_published_at", "title")
    return PersonPart(
        key="stories",
        title="Stories you wrote",
        about=(
            "The blogs, video stories and podcasts you wrote or are named as "
            "the author of: the title, the address and whether it is live."
        ),
        data=[
            {
                "title": story.title,
                "kind": story.get_kind_display(),
                "address": story.full_url or "",
                "live": story.live,
                "first published": story.first_published_at,
            }
            for story in stories
        ],
    )
