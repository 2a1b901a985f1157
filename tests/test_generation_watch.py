"""A web process hears of a new page cache generation on a Redis channel
(core/generation_watch.py): a hit then asks Redis nothing, a generation
replaced by another process is missed at once, and a Redis that falls silent
or restarts is never trusted with old pages."""

import os
import signal
import time

import pytest
import redis

from core import generation_watch, page_cache
from core.content_generation import generation_renew
from core.generation_watch import generation_publish
from stories.models import StoryPage
from tests.test_cache_outage import (  # noqa: F401 (fixtures)
    caches_at,
    redis_server,
)

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


@pytest.fixture
def story(demo_site):
    return (
        StoryPage.objects.live()
        .filter(locale__language_code="en-gb")
        .order_by("-date", "-pk")
        .first()
    )


@pytest.fixture
def on_redis(settings, redis_server):  # noqa: F811 (the fixture imported above)
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = caches_at(redis_server.port)
    yield redis_server
    page_cache._watch.current()  # let go of this server's connection


@pytest.fixture
def commands(monkeypatch):
    """Every command the cache's client sends to Redis (not the channel's)."""
    sent = []
    send = redis.Redis.execute_command

    def counted(self, *args, **kwargs):
        sent.append(args[0])
        return send(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    return sent


def listening() -> bool:
    """Wait (a few seconds at most) until this process trusts its channel: on
    a busy machine Redis may take longer than SUBSCRIBE_WITHIN to confirm,
    and the process rightly asks the cache meanwhile."""
    deadline = time.monotonic() + 10
    while page_cache._watch.current() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return page_cache._watch.current() is not None


def test_a_hit_asks_redis_nothing(client, story, on_redis, commands):
    assert client.get(story.url)[HEADER] == "miss"
    assert client.get(story.url)[HEADER] == "hit"
    assert listening()
    commands.clear()
    for _ in range(5):
        assert client.get(story.url)[HEADER] == "hit"
    assert commands == []


def test_a_generation_another_process_replaced_is_missed_at_once(
    client, story, on_redis
):
    client.get(story.url)
    assert client.get(story.url)[HEADER] == "hit"
    # What another web process does when an editor publishes there: this
    # process is not told directly, only through the channel (the other
    # process answers its editor once the message has gone out: waited for
    # here as it is there).
    token = generation_renew(page_cache.GENERATION_KEY)
    generation_publish(page_cache.GENERATION_KEY, token)
    assert page_cache._watch.pubsub.connection.can_read(timeout=1)
    assert client.get(story.url)[HEADER] == "miss"
    assert client.get(story.url)[HEADER] == "hit"


def test_a_silent_redis_is_not_trusted(client, story, on_redis, monkeypatch):
    """A Redis that stops answering without closing the connection: after
    HEARD_WITHIN, pages are rendered, never served from memory."""
    monkeypatch.setattr(generation_watch, "PING_AFTER", 0.05)
    monkeypatch.setattr(generation_watch, "HEARD_WITHIN", 0.3)
    client.get(story.url)
    assert client.get(story.url)[HEADER] == "hit"
    pid = on_redis.pid()
    os.kill(pid, signal.SIGSTOP)
    try:
        client.get(story.url)  # sends the PING no one answers
        time.sleep(0.4)
        response = client.get(story.url)
        assert response.status_code == 200
        assert response[HEADER] == "pass"
    finally:
        os.kill(pid, signal.SIGCONT)


def test_after_a_redis_restart_no_old_page_is_served(client, story, on_redis):
    client.get(story.url)
    assert client.get(story.url)[HEADER] == "hit"
    on_redis.stop()
    on_redis.start()  # empty: the generation is gone
    story.title = "Changed while Redis was away"
    StoryPage.objects.filter(pk=story.pk).update(title=story.title)
    time.sleep(generation_watch.RETRY_AFTER)
    response = client.get(story.url)
    assert response[HEADER] == "miss"
    assert "Changed while Redis was away" in response.text
    assert client.get(story.url)[HEADER] == "hit"


def test_without_redis_the_watch_knows_nothing(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    assert page_cache._watch.current() is None


def test_a_publisher_waits_for_its_own_message(client, story, on_redis):
    """So every process has it before the editor's request is answered."""
    client.get(story.url)
    page_cache._generation_new()
    token = page_cache._watch.token
    assert token == page_cache._generation()
    assert not page_cache._watch.pubsub.connection.can_read(timeout=0)


def test_a_page_kept_in_memory_expires_with_page_cache_seconds(
    client, story, on_redis, settings
):
    settings.PAGE_CACHE_SECONDS = 1
    client.get(story.url)
    assert client.get(story.url)[HEADER] == "hit"
    time.sleep(1.1)
    assert client.get(story.url)[HEADER] == "miss"
