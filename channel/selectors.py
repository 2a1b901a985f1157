"""Reads for the channel: who may take part (and who is in it now), topics
with their unread and followed markers for one person, a topic's posts,
where a post is, who follows a topic, who a post mentions, and who may
change a post."""

import re
from datetime import datetime

from django.contrib.auth.models import Group
from django.db.models import (
    Count,
    Exists,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.urls import reverse
from django.utils import timezone

from core.text import single_line
from members import roles
from members.models import User

from .models import Flag, Post, Topic, TopicFollow, TopicRead

# A topic's posts come this many to a page.
POSTS_PER_PAGE = 20


def channel_may_enter(*, user: User, person: User) -> bool:
    """Members (or a supporter acting for one), staff and the lead. An
    administrator as such, or a supporter not acting, is not in it."""
    return roles.is_member(person) or roles.is_staff_member(user) or roles.is_lead(user)


def channel_people() -> QuerySet[User]:
    """Everyone in the channel now: active members, staff and leads (a
    supporter takes part only through the member they act for)."""
    in_a_role = Group.objects.filter(
        user=OuterRef("pk"),
        name__in=[roles.MEMBERS, roles.STAFF, roles.ENGAGEMENT_LEADS],
    )
    return User.objects.filter(Exists(in_a_role), is_active=True)


def topics_for(*, person: User) -> QuerySet[Topic]:
    """Every topic, newest activity first, each with how many posts it has,
    when this person last read it (`last_read_at`, None if never) and
    whether they follow it (`is_followed`)."""
    read = TopicRead.objects.filter(topic=OuterRef("pk"), person=person)
    follows = TopicFollow.objects.filter(topic=OuterRef("pk"), person=person)
    return (
        Topic.objects.select_related("started_by")
        .annotate(
            post_count=Count("posts"),
            last_read_at=Subquery(read.values("last_read_at")[:1]),
            is_followed=Exists(follows),
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


def topic_is_followed(*, topic: Topic, person: User) -> bool:
    return TopicFollow.objects.filter(topic=topic, person=person).exists()


def topic_followers(*, topic: Topic) -> QuerySet[User]:
    """Who follows the topic and is still in the channel: someone who left,
    or is no longer a member, staff or lead, is not told."""
    follows = TopicFollow.objects.filter(topic=topic, person=OuterRef("pk"))
    return channel_people().filter(Exists(follows))


def post_url(*, post: Post) -> str:
    """Where a post is: its topic's page that holds it."""
    before = post.topic.posts.filter(created_at__lt=post.created_at).count()
    page = before // POSTS_PER_PAGE + 1
    url = reverse("channel:topic", kwargs={"pk": post.topic_id})
    return f"{url}?page={page}#post-{post.pk}" if page > 1 else f"{url}#post-{post.pk}"


def mentions_in(*, body: str) -> list[User]:
    """The people a post names with "@" and their name as the channel shows
    it (any case; a line break may stand for a space), if they are in the
    channel. Where two names could match, the longer one wins: "@Sam Jones"
    is Sam Jones, not someone called Sam."""
    if "@" not in body:
        return []
    by_name: dict[str, list[User]] = {}
    for person in channel_people().only("pk", "first_name", "last_name", "email"):
        by_name.setdefault(single_line(str(person)).lower(), []).append(person)
    if not by_name:
        return []
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)@("
        + "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names)
        + r")(?!\w)",
        re.IGNORECASE,
    )
    found: dict[int, User] = {}
    for match in pattern.finditer(body):
        for person in by_name.get(single_line(match.group(1)).lower(), []):
            found[person.pk] = person
    return list(found.values())


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
