from django import template

from core.content_generation import derived
from core.languages import current
from stories.selectors import stories_latest

register = template.Library()


@register.inclusion_tag("stories/latest_stories.html", takes_context=True)
def latest_stories(context, limit=3):
    """The newest stories, for the home page (which does not import stories)."""
    stories = derived(
        f"latest-stories:{current()}:{limit}", lambda: list(stories_latest(limit=limit))
    )
    return {"request": context.get("request"), "stories": stories}
