"""Writes for the channel: start a topic, add and edit a post, the lead
hides a post (with a reason) and closes a topic, anyone in it flags a post,
marking a topic read, and following a topic. Each refusal is NotAllowed,
with words for the person and the form field they belong next to.

A new post tells the topic's followers and the people it mentions through
the notification service (kind "channel"), each once: a follower who is
also mentioned hears of the mention only, and the writer (or the member a
supporter wrote for) of neither."""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise, keep_lazy_text
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import NotAllowed
from core.text import plain_text_check
from members import roles
from members.acting import may_act_for
from members.models import User
from members.selectors import active_in_role
from notifications.models import Kind, Notification
from notifications.services import notify

from .models import BODY_MAX, Flag, Post, Topic, TopicFollow, TopicRead
from .selectors import (
    channel_may_enter,
    mentions_in,
    post_may_edit,
    post_url,
    topic_followers,
)

# How much of a post a notification quotes.
EXCERPT_LENGTH = 300
# Notification.subject's length.
SUBJECT_LENGTH = 200

# What the followers' and mentioned people's notifications of a hidden post
# say instead of quoting it.
HIDDEN_NOTICE = gettext_lazy("The engagement lead has since hidden this post.")


def _body_check(body: str) -> str:
    return plain_text_check(
        body,
        field="body",
        limit=BODY_MAX,
        empty=_("Write your post."),
        this=_("Your post"),
        these=_("posts"),
    )


def _writer(*, person: User, by: User) -> User | None:
    """Check that `by` may write as `person`; the member a supporter writes
    for, or None when people write for themselves."""
    if person == by:
        if not channel_may_enter(user=by, person=by):
            raise NotAllowed(_("Only the group, staff and the lead write here."))
        return None
    if not (roles.is_member(person) and may_act_for(by, person)):
        raise NotAllowed(_("You may write only for a member you support."))
    return person


@transaction.atomic
def post_add(
    *,
    topic: Topic,
    person: User,
    by: User,
    body: str,
    now: datetime | None = None,
) -> Post:
    """A post in an open topic, by `by` for `person` (the same person, or
    the member their supporter acts for). The person follows the topic from
    now on (again, if they had stopped); its other followers and anyone it
    mentions are told."""
    body = _body_check(body)
    written_for = _writer(person=person, by=by)
    topic = Topic.objects.select_for_update().get(pk=topic.pk)
    if topic.is_closed:
        raise NotAllowed(_("This topic is closed: no more replies."), field="body")
    now = now or timezone.now()
    post = Post.objects.create(
        topic=topic,
        author=by,
        author_name=str(by),
        written_for=written_for,
        body=body,
        created_at=now,
    )
    Topic.objects.filter(pk=topic.pk).update(last_post_at=now)
    topic_read_mark(topic=topic, person=person, now=now)
    TopicFollow.objects.get_or_create(person=person, topic=topic)
    _post_tell(post=post)
    return post


@keep_lazy_text
def _shortened(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    return text[: length - 1].rstrip() + "…"


def _post_tell(*, post: Post, followers_too: bool = True) -> None:
    """Tell the people a post mentions, then (for a new post) the topic's
    followers who were not mentioned. Neither ever includes its writer.
    Each notification has its key, so running this again sends nothing."""
    writers = {pk for pk in (post.author_id, post.written_for_id) if pk}
    url = post_url(post=post)
    body = format_lazy(
        "{wrote}\n\n{excerpt}",
        wrote=format_lazy(gettext_lazy("{name} wrote:"), name=post.signed),
        excerpt=_shortened(post.body, EXCERPT_LENGTH),
    )
    mentioned = {person.pk for person in mentions_in(body=post.body)} - writers
    if mentioned:
        notify(
            recipients=mentioned,
            kind=Kind.CHANNEL,
            subject=_shortened(
                format_lazy(
                    gettext_lazy("{name} mentioned you in “{topic}”"),
                    name=post.signed,
                    topic=post.topic,
                ),
                SUBJECT_LENGTH,
            ),
            body=body,
            url=url,
            dedupe_key=f"channel-mention:{post.pk}",
            target=post,
        )
    if followers_too:
        followers = (
            topic_followers(topic=post.topic)
            .exclude(pk__in=writers | mentioned)
            .values_list("pk", flat=True)
        )
        notify(
            recipients=followers,
            kind=Kind.CHANNEL,
            subject=_shortened(
                format_lazy(gettext_lazy("New post in “{topic}”"), topic=post.topic),
                SUBJECT_LENGTH,
            ),
            body=body,
            url=url,
            dedupe_key=f"channel-post:{post.pk}",
            target=post,
        )


@transaction.atomic
def topic_start(
    *,
    person: User,
    by: User,
    title: str,
    body: str,
    now: datetime | None = None,
) -> Topic:
    """A new topic and its first post."""
    title = title.strip()
    if not title:
        raise NotAllowed(_("Give the topic a title."), field="title")
    _body_check(body)
    _writer(person=person, by=by)
    now = now or timezone.now()
    topic = Topic.objects.create(
        title=title, started_by=person, started_at=now, last_post_at=now
    )
    post_add(topic=topic, person=person, by=by, body=body, now=now)
    return topic


@transaction.atomic
def post_edit(*, post: Post, by: User, body: str, now: datetime | None = None) -> Post:
    """Its writer corrects it within the edit window; the post says "edited".
    Someone the change newly mentions is told; nobody is told twice."""
    now = now or timezone.now()
    if not post_may_edit(post=post, user=by, now=now):
        raise NotAllowed(
            _("You can change a post only within 30 minutes of writing it."),
            field="body",
        )
    post.body = _body_check(body)
    post.edited_at = now
    post.save(update_fields=["body", "edited_at"])
    _post_tell(post=post, followers_too=False)
    return post


def post_hide(
    *, post: Post, by: User, reason: str, now: datetime | None = None
) -> Post:
    """The lead hides a post with a reason its writer sees. Nothing is
    deleted."""
    if not roles.is_lead(by):
        raise NotAllowed(_("Only the engagement lead hides posts."))
    reason = reason.strip()
    if not reason:
        raise NotAllowed(
            _("Say why: the person who wrote it will read this."), field="reason"
        )
    post.hidden_at = now or timezone.now()
    post.hidden_by = by
    post.hidden_reason = reason
    post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    Flag.objects.filter(post=post).update(handled=True)
    post_notifications_reword(posts=[post], body=HIDDEN_NOTICE)
    return post


def post_notifications_reword(*, posts: Iterable[Post], body: str | Promise) -> int:
    """What followers and mentioned people were told of these posts says
    `body` instead of quoting them, in the notification centre, digests and
    emails still to send and call-backs still to make (all read the
    notification when they go). For a hidden post, and for the posts of
    someone anonymised. Returns how many notifications changed."""
    keys = [
        f"channel-{about}:{post.pk}" for post in posts for about in ("post", "mention")
    ]
    told = Notification.objects.filter(kind=Kind.CHANNEL, dedupe_key__in=keys)
    # A lazy `body` is worded in each reader's own language.
    languages = set(told.values_list("recipient__language", flat=True).distinct())
    changed = 0
    for language in languages:
        with translation.override(language or settings.LANGUAGE_CODE):
            changed += told.filter(recipient__language=language).update(body=str(body))
    return changed


def topic_close(*, topic: Topic, by: User, now: datetime | None = None) -> Topic:
    """The lead closes a topic: it can be read, not replied to."""
    if not roles.is_lead(by):
        raise NotAllowed(_("Only the engagement lead closes topics."))
    if not topic.is_closed:
        topic.closed_at = now or timezone.now()
        topic.closed_by = by
        topic.save(update_fields=["closed_at", "closed_by"])
    return topic


def post_flag(*, post: Post, person: User, by: User, reason: str) -> Flag:
    """Anyone in the channel tells the lead about a post."""
    reason = reason.strip()
    if not reason:
        raise NotAllowed(_("Say what is wrong with the post."), field="reason")
    _writer(person=person, by=by)
    flag = Flag.objects.create(post=post, by=by, reason=reason)
    notify(
        recipients=active_in_role(group_name=roles.ENGAGEMENT_LEADS),
        kind=Kind.GENERAL,
        subject=format_lazy(
            gettext_lazy("A post in “{topic}” was flagged"), topic=post.topic
        ),
        body=format_lazy(
            gettext_lazy(
                "{by} flagged a post by {signed}:\n\n“{reason}”\n\n"
                "Read it, and hide it with a reason if it should not stay."
            ),
            by=by,
            signed=post.signed,
            reason=reason[:300],
        ),
        url=reverse("channel:flags"),
        dedupe_key=f"channel-flag:{flag.pk}",
        target=post,
    )
    return flag


def topic_read_mark(*, topic: Topic, person: User, now: datetime | None = None) -> None:
    """This person has read the topic up to now."""
    TopicRead.objects.update_or_create(
        person=person, topic=topic, defaults={"last_read_at": now or timezone.now()}
    )


def flags_dismiss(*, post: Post, by: User) -> int:
    """The lead has read the flags on a post and leaves it up. Returns how
    many flags that dealt with; the flags themselves stay."""
    if not roles.is_lead(by):
        raise NotAllowed(_("Only the engagement lead deals with flags."))
    return Flag.objects.filter(post=post, handled=False).update(handled=True)


def topic_follow(*, topic: Topic, person: User, by: User) -> TopicFollow:
    """The person (a supporter acting: the member) follows the topic."""
    _writer(person=person, by=by)
    follow, _ = TopicFollow.objects.get_or_create(person=person, topic=topic)
    return follow


def topic_unfollow(*, topic: Topic, person: User, by: User) -> None:
    """The person stops following the topic (until they next post in it)."""
    _writer(person=person, by=by)
    TopicFollow.objects.filter(person=person, topic=topic).delete()
