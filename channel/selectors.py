"""Reads for the channel: who may take part, topics with their unread
marker for one person, a topic's posts, and who may change a post."""

from datetime import datetime

from django.db.models import Count, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from members import roles
from members.models import User

from .models import Flag, Post, Topic, TopicRead


def channel_may_enter(*, user: User, person: User) -> bool:
    """Members (or a supporter acting for one), staff and the lead. An
    administrator as such, or a supporter not acting, is not in it."""
    return roles.is_member(person) or roles.is_staff_member(user) or roles.is_lead(user)


def topics_for(*, person: User) -> QuerySet[Topic]:
    """Every topic, newest activity first, each with how many posts it has
    and when this person last read it (`last_read_at`, None if never)."""
    read = TopicRead.objects.filter(topic=OuterRef("pk"), person=person)
    return (
        Topic.objects.select_related("started_by")
        .annotate(
            post_count=Count("posts"),
            last_read_at=Subquery(read.values("last_read_at")[:1]),
        )
        .order_by("-last_post_at", "-pk")
    )


def topic_is_unread(*, topic: Topic) -> bool:
    """For a topic read through topics_for: a post came after the last read."""
    return topic.last_read_at is None or topic.last_read_at < topic.last_post_at


def topic_posts(*, topic: Topic) -> QuerySet[Post]:
    return topic.posts.select_related("author", "written_for", "hidden_by")


def post_may_edit(*, post: Post, user: User, now: datetime | None = None) -> bool:
    """Its writer, for EDIT_WINDOW after posting, while it is not hidden and
    the topic is open."""
    now = now or timezone.now()
    return (
        post.author_id == user.pk
        and not post.is_hidden
        and not post.topic.is_closed
        and now <= post.editable_until()
    )


def flags_open() -> QuerySet[Post]:
    """Posts someone flagged that the lead has not dealt with, oldest flag
    first, each with its open flags (`open_flags`) and their flaggers."""
    waiting = Flag.objects.filter(handled=False).select_related("by")
    return (
        Post.objects.filter(flags__handled=False)
        .distinct()
        .select_related("topic", "author", "written_for")
        .prefetch_related(Prefetch("flags", queryset=waiting, to_attr="open_flags"))
        .annotate(first_flag_at=Min("flags__at", filter=Q(flags__handled=False)))
        .order_by("first_flag_at", "pk")
    )
