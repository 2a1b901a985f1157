"""Factories for topics, posts, flags, reads and follows. Tests and the
demo build on them; they import only models and the factories of the apps
below."""

import factory
from django.utils import timezone

from members.factories import UserFactory

from .models import Flag, Post, Topic, TopicFollow, TopicRead


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    title = factory.Sequence(lambda n: f"Topic {n + 1}")
    started_by = factory.SubFactory(UserFactory)
    started_at = factory.LazyFunction(timezone.now)
    last_post_at = factory.LazyAttribute(lambda topic: topic.started_at)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    topic = factory.SubFactory(TopicFactory)
    author = factory.SubFactory(UserFactory)
    author_name = factory.LazyAttribute(lambda post: str(post.author))
    body = "Thank you, that helps."
    created_at = factory.LazyFunction(timezone.now)


class FlagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Flag

    post = factory.SubFactory(PostFactory)
    by = factory.SubFactory(UserFactory)
    reason = "This names someone outside the group."


class TopicReadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicRead

    person = factory.SubFactory(UserFactory)
    topic = factory.SubFactory(TopicFactory)
    last_read_at = factory.LazyFunction(timezone.now)


class TopicFollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicFollow

    person = factory.SubFactory(UserFactory)
    topic = factory.SubFactory(TopicFactory)
