"""A few pages and accounts for the local stack, made with the apps'
factories (the demo content refuses production settings, rightly). Run
inside `manage.py shell` by the stack; prints what it made as one JSON line.

    member@example.org, member2@example.org   members, password "coproduction"
    an open opportunity with one place, taken by member2
    a completed one member was selected for (so member can claim)
    a Stories section with one story
"""

import json

from django.db import transaction
from django.urls import reverse

SEED_PASSWORD = "coproduction"


@transaction.atomic
def seed() -> dict:
    from home.models import HomePage
    from members.factories import PersonFactory
    from opportunities.factories import OpportunityFactory, SignUpFactory
    from opportunities.models import Opportunity
    from stories.factories import StoryIndexPageFactory, StoryPageFactory
    from stories.models import StoryIndexPage

    home = HomePage.objects.get(locale__language_code="en-gb")
    # The stories section comes with the migrations (stories.0002).
    stories = StoryIndexPage.objects.first() or StoryIndexPageFactory(
        parent=home, slug="stories", show_in_menus=True
    )
    story = StoryPageFactory(parent=stories, title="Our first year", slug="first-year")
    member = PersonFactory(
        email="member@example.org", password=SEED_PASSWORD, first_name="Ada"
    )
    member2 = PersonFactory(
        email="member2@example.org", password=SEED_PASSWORD, first_name="Ben"
    )
    open_one = OpportunityFactory(title="Review a leaflet for carers", places=1)
    SignUpFactory(opportunity=open_one, member=member2)
    done = OpportunityFactory(
        title="Test the new website", status=Opportunity.Status.COMPLETED
    )
    finished = SignUpFactory(opportunity=done, member=member, selected=True)
    made = {
        "home": home.url,
        "story": story.url,
        "stories": stories.url,
        "story_id": story.pk,
        "opportunity": reverse("opportunities:detail", args=[open_one.pk]),
        "claim_form": reverse("payments:claim_add", args=[finished.pk]),
        "members": [member.email, member2.email],
    }
    print(json.dumps(made))
    return made
