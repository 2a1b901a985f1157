"""What an editor's browser posts to Wagtail's page forms, for the tests of
members writing stories (moderation, content checks)."""

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)


def member_story_form(**overrides):
    """What a member's editor posts: no address or search settings."""
    data = {
        "title": "Respite, and what it gave us",
        "kind": "blog",
        "summary": "Three days that changed our year.",
        "nation": "scotland",
        "hero_alt": "",
        "media": "",
        "tags": "",
        "body": streamfield(
            [("paragraph", rich_text("<p>We had three days to ourselves.</p>"))]
        ),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)
