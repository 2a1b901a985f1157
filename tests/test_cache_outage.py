"""A Redis outage degrades, never errors (core/cache.py): pages answer 200
through a dead Redis, the outage is logged once a while, and the cache works
again when Redis comes back."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from core.cache import ResilientRedisCache
from stories.models import StoryPage
from tests.people import sign_in

pytestmark = pytest.mark.django_db

OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_cache(port: int) -> ResilientRedisCache:
    return ResilientRedisCache(
        f"redis://127.0.0.1:{port}/0", {"OPTIONS": OPTIONS, "TIMEOUT": 60}
    )


def caches_at(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": OPTIONS,
        }
    }


@pytest.fixture
def dead_port():
    return free_port()


@pytest.fixture
def dead_cache(dead_port):
    return redis_cache(dead_port)


def test_reads_through_a_dead_redis_are_misses(dead_cache):
    assert dead_cache.get("key") is None
    assert dead_cache.get("key", "fallback") == "fallback"
    assert dead_cache.get_many(["a", "b"]) == {}
    assert dead_cache.has_key("key") is False
    assert "key" not in dead_cache
    assert dead_cache.get_or_set("key", "computed") == "computed"
    assert dead_cache.get_or_set("key", lambda: "called") == "called"


def test_writes_through_a_dead_redis_do_nothing(dead_cache):
    assert dead_cache.set("key", "value") is None
    assert dead_cache.add("key", "value") is False
    assert dead_cache.touch("key") is False
    assert dead_cache.delete("key") is False
    assert dead_cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert dead_cache.delete_many(["a", "b"]) is None
    assert dead_cache.clear() is False


def test_incr_and_decr_through_a_dead_redis_are_a_missing_key(dead_cache):
    # ValueError is Django's answer for a missing key: the rate limits
    # (core/rate_limits.py) then count 1 and let the attempt through.
    with pytest.raises(ValueError, match="not found"):
        dead_cache.incr("key")
    with pytest.raises(ValueError, match="not found"):
        dead_cache.decr("key")


def test_the_outage_is_logged_once_within_the_interval(dead_cache, caplog):
    caplog.set_level(logging.WARNING, logger="core.cache")
    for _ in range(5):
        dead_cache.get("key")
        dead_cache.set("key", "value")
    warnings = [r for r in caplog.records if r.name == "core.cache"]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert "Redis cache outage" in warnings[0].getMessage()

    dead_cache._last_outage_warning -= dead_cache.outage_log_interval
    dead_cache.get("key")
    assert len([r for r in caplog.records if r.name == "core.cache"]) == 2


def test_a_dead_redis_costs_little_per_call(dead_cache):
    started = time.monotonic()
    dead_cache.get("key")
    assert time.monotonic() - started < 2


def test_public_pages_answer_through_a_dead_redis(client, demo_site, dead_port):
    story = StoryPage.objects.live().filter(locale__language_code="en-gb").first()
    with override_settings(CACHES=caches_at(dead_port)):
        assert isinstance(caches["default"], ResilientRedisCache)
        assert client.get(demo_site.url).status_code == 200
        assert client.get(story.url).status_code == 200


def test_signed_in_pages_answer_through_a_dead_redis(client, demo_site, dead_port):
    # Sessions live in the database (Django's default SESSION_ENGINE), not
    # in the cache: a Redis outage signs nobody out.
    with override_settings(CACHES=caches_at(dead_port)):
        assert isinstance(caches["default"], ResilientRedisCache)
        sign_in(client, "member@example.org")
        response = client.get(reverse("intranet:home"))
        assert response.status_code == 200
        assert response.wsgi_request.user.email == "member@example.org"


@pytest.fixture
def redis_server(tmp_path):
    """A real redis-server on a free loopback port, in a tmp folder; `stop()`
    and `start()` it again; always stopped at the end."""
    executable = shutil.which("redis-server")
    assert executable, "redis-server is needed: `make redis` installs it"
    port = free_port()
    process = None

    def start():
        nonlocal process
        process = subprocess.Popen(
            [
                executable,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(tmp_path),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop():
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait(timeout=10)

    start()
    server = type("RedisServer", (), {})()
    server.port, server.start, server.stop = port, start, stop
    server.pid = lambda: process.pid
    try:
        yield server
    finally:
        stop()


def test_the_cache_works_again_when_redis_comes_back(redis_server):
    live = redis_cache(redis_server.port)
    live.set("key", "value")
    assert live.get("key") == "value"

    redis_server.stop()
    assert live.get("key", "fallback") == "fallback"
    assert live.set("key", "other") is None

    redis_server.start()  # empty: nothing saved to disk
    assert live.get("key") is None
    live.set("key", "again")
    assert live.get("key") == "again"
    assert live.add("counter", 0) is True
    assert live.incr("counter") == 1
