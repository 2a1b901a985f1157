"""The channel: its part of a person's download, and of anonymising someone
who has left. Found by core.exports; see there."""

from django.db.models import Q

from core.exports import Anonymising, PersonPart

from .models import Flag, Post, Topic, TopicFollow
from .services import post_notifications_reword

# What an anonymised person's post says instead of their words.
TAKEN_OUT = (
    "This post was taken out: the person who wrote it has left the group "
    "and their details were anonymised."
)


def _theirs(person):
    """Posts they wrote, and posts a supporter wrote for them."""
    return Post.objects.filter(Q(author=person) | Q(written_for=person))


def person_data(person) -> PersonPart:
    posts = _theirs(person).select_related("topic", "author", "written_for")
    return PersonPart(
        key="channel",
        title="The channel",
        about=(
            "The topics you started in the channel, every post you wrote there "
            "(or a supporter wrote for you), with when it was edited and, if the "
            "engagement lead hid it, why; the topics you follow; and the posts you "
            "flagged to the lead."
        ),
        data={
            "topics you started": [
                {"title": topic.title, "started": topic.started_at}
                for topic in Topic.objects.filter(started_by=person).order_by("pk")
            ],
            "posts": [
                {
                    "topic": post.topic.title,
                    "written": post.created_at,
                    "shown as": post.signed,
                    "words": post.body,
                    "edited": post.edited_at,
                    "hidden by the engagement lead": post.hidden_at,
                    "why it was hidden": post.hidden_reason,
                }
                for post in posts.order_by("created_at", "pk")
            ],
            "topics you follow": [
                follow.topic.title
                for follow in TopicFollow.objects.filter(person=person)
                .select_related("topic")
                .order_by("topic__title")
            ],
            "posts you flagged": [
                {"topic": flag.post.topic.title, "why": flag.reason, "when": flag.at}
                for flag in Flag.objects.filter(by=person)
                .select_related("post__topic")
                .order_by("at", "pk")
            ],
        },
    )


def person_anonymise(anonymising: Anonymising) -> None:
    """The topics and everyone else's posts stay (the conversation is the
    group's); the person's own words go, each post saying why, and their
    name goes from every title, post, flag and reason that named them."""
    person = anonymising.person
    post_notifications_reword(posts=_theirs(person), body=TAKEN_OUT)
    _theirs(person).update(body=TAKEN_OUT)
    Post.objects.filter(author=person).update(author_name=anonymising.new_name)
    Flag.objects.filter(by=person).update(reason="")
    for rows in (Topic.objects.all(), Post.objects.all(), Flag.objects.all()):
        anonymising.scrub_rows(rows)
