"""Topics, their posts, flags to the lead, who read what and who follows
what. Nothing is deleted: a post the lead hides keeps its words and says
why."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# How long a writer may correct their post.
EDIT_WINDOW = timedelta(minutes=30)
BODY_MAX = 5000


class Topic(models.Model):
    title = models.CharField(max_length=200)
    # Accounts can be deleted (a supporter's, someone of staff's): what
    # they wrote stays, under the name they had (see Post.author_name).
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    started_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    last_post_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_post_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Post(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="posts")
    # Who typed it: the member, staff, the lead, or a supporter...
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # Their name when they wrote it, kept if their account is deleted.
    author_name = models.CharField(max_length=300, blank=True)
    # ...and, for a supporter, the member they wrote it for.
    written_for = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    hidden_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.signed} in {self.topic_id}"

    @property
    def writer_name(self) -> str:
        """Who typed it, or the name they had if their account has gone.
        Lazy: a notification quotes it in its reader's language."""
        if self.author_id:
            return str(self.author)
        return format_lazy(
            _("{name} (account since closed)"), name=self.author_name or _("Someone")
        )

    @property
    def signed(self) -> str:
        """The name a post shows: a supporter's post is the member's."""
        if self.written_for_id:
            return format_lazy(
                _("{member} (written by their supporter {supporter})"),
                member=self.written_for,
                supporter=self.writer_name,
            )
        return self.writer_name

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def was_edited(self) -> bool:
        return self.edited_at is not None

    def is_writer(self, person) -> bool:
        """The person who wrote it, or the member a supporter wrote it for."""
        return person.pk in (self.author_id, self.written_for_id)

    def editable_until(self):
        return self.created_at + EDIT_WINDOW


class Flag(models.Model):
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="flags")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reason = models.TextField()
    at = models.DateTimeField(default=timezone.now)
    handled = models.BooleanField(default=False)

    def __str__(self):
        return f"Flag on post {self.post_id}"


class TopicRead(models.Model):
    """When a person last read a topic: newer posts are unread for them."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="reads")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "topic"], name="channel_one_read_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person_id} read {self.topic_id}"


class TopicFollow(models.Model):
    """A person follows a topic: its new posts reach them through the
    notification service (kind "channel"), at the rhythm they chose. For a
    supporter acting, the member follows."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="follows")
    since = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "topic"], name="channel_one_follow_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person_id} follows {self.topic_id}"
