"""Knowing a generation token (core/content_generation.py) without asking
Redis for it on every request.

Whoever replaces the page cache's token publishes the new one on a Redis
channel (`generation_publish`); each web process subscribes once and reads what
arrived, without waiting, at the start of each request (`current`), so a
page cache hit is served from the process's memory with no round trip to
Redis at all. The publisher waits until its message comes back on its own
subscription (`told`): Redis writes a message to every subscriber in one
pass, so by then every process has it, before the change's own request is
answered.

What is known is trusted only while Redis is heard from: a PING goes out
when it has been quiet for PING_AFTER seconds, and after HEARD_WITHIN
seconds of silence (a connection that died without a word) or any error,
the process asks the cache again on every request, as without this module,
and subscribes afresh RETRY_AFTER seconds later. The subscription is made
before the token is read, so no replacement can slip between the two. A
forked process never uses its parent's connection.

Only with a Redis cache; with any other (development, tests) `current`
answers None and callers ask the cache.

Imports only Django, redis-py and core.
"""

import logging
import os
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

PING_AFTER = 0.5  # seconds of quiet before asking Redis to answer
HEARD_WITHIN = 2.0  # seconds: past this without a word, trust nothing known
RETRY_AFTER = 1.0  # seconds between two attempts to subscribe
SUBSCRIBE_WITHIN = 1.0  # seconds Redis has to confirm a subscription
TOLD_WITHIN = 0.1  # seconds a publisher waits for its own message


def _redis_client():
    """The default cache's redis-py client, or None for another cache."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    return backend._cache.get_client(write=True)


def _redis_servers() -> tuple | None:
    """Where the default cache is (each thread has a client of its own)."""
    backend = caches["default"]
    return tuple(backend._servers) if isinstance(backend, RedisCache) else None


def _channel(key: str) -> str:
    return caches["default"].make_key(f"{key}:replaced")


def generation_publish(key: str, token: str) -> None:
    """Tell every process that the token at `key` is now `token`."""
    client = _redis_client()
    if client is None:
        return
    try:
        client.publish(_channel(key), token)
    except RedisError as error:
        # The token itself could not be set either: every process finds out
        # when it next hears nothing from Redis.
        logger.warning("Could not publish a new generation: %s", error)


class GenerationWatch:
    """The token at `key`, as this process last heard it from Redis."""

    def __init__(self, key: str, read):
        self.key = key
        self.read = read  # reads (or makes) the token through the cache
        self.lock = threading.Lock()
        self.pid = self.servers = None
        self._forget()

    def _forget(self) -> None:
        self.pubsub = None
        self.token = None
        self.heard = self.pinged = 0.0

    def _close(self) -> None:
        pubsub = self.pubsub
        self._forget()
        if pubsub is not None:
            try:
                pubsub.close()
            except RedisError:
                pass

    def current(self) -> str | None:
        """The token when this process is sure of it; None: ask the cache."""
        if not self.lock.acquire(blocking=False):
            return None  # another thread is reading the channel: ask the cache
        try:
            return self._current()
        finally:
            self.lock.release()

    def told(self, token: str) -> None:
        """This process replaced the token and published it: wait (at most
        TOLD_WITHIN) until the message comes back on this process's own
        subscription. Redis writes it to every subscriber in the same pass,
        so once it is here the other processes have it too, before this
        process answers the request that made the change."""
        with self.lock:
            if self.pubsub is None or self.pid != os.getpid():
                return
            deadline = time.monotonic() + TOLD_WITHIN
            try:
                while self.token != token and time.monotonic() < deadline:
                    self._drain(timeout=max(0.0, deadline - time.monotonic()))
            except (RedisError, OSError) as error:
                logger.info("Stopped watching %s: %s", self.key, error)
                self._close()
                self.failed = time.monotonic()
                return
            self.token = token  # this process knows, heard or not

    def _current(self) -> str | None:
        servers = _redis_servers()
        if self.pid != os.getpid() or servers != self.servers:
            # Forked (the parent's connection is not ours), or another cache.
            if self.pid == os.getpid():
                self._close()
            self._forget()
            self.pid, self.servers, self.failed = os.getpid(), servers, 0.0
        if servers is None:
            return None
        now = time.monotonic()
        try:
            if self.pubsub is None:
                if now - self.failed < RETRY_AFTER or not self._subscribe():
                    return None
            self._drain()
            now = time.monotonic()
            if now - self.heard > PING_AFTER and now - self.pinged > PING_AFTER:
                self.pubsub.ping()
                self.pinged = now
            if now - self.heard > HEARD_WITHIN:
                self._close()
                self.failed = now
                return None
            return self.token
        except (RedisError, OSError) as error:
            logger.info("Stopped watching %s: %s", self.key, error)
            self._close()
            self.failed = time.monotonic()
            return None

    def _subscribe(self) -> bool:
        self.pubsub = _redis_client().pubsub()
        self.pubsub.subscribe(_channel(self.key))
        deadline = time.monotonic() + SUBSCRIBE_WITHIN
        while True:
            message = self.pubsub.get_message(timeout=0.1)
            if message is not None and message["type"] == "subscribe":
                break
            if time.monotonic() > deadline:
                raise TimeoutError("Redis did not confirm the subscription")
        # Subscribed first, then read: a token replaced since is a message.
        self.token = self.read()
        if self.token is None:
            raise ConnectionError("the cache did not answer")
        self.heard = time.monotonic()
        return True

    def _drain(self, timeout: float = 0.0) -> None:
        """Read what has arrived (waiting at most `timeout` for the first)."""
        while (message := self.pubsub.get_message(timeout=timeout)) is not None:
            timeout = 0.0
            self.heard = time.monotonic()
            if message["type"] == "message":
                data = message["data"]
                self.token = data.decode() if isinstance(data, bytes) else data
