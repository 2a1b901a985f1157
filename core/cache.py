"""A Redis cache that an outage degrades, never breaks.

Wagtail reads the site's root paths from the cache on every page, so with
Django's RedisCache a Redis outage is a 500 on every page. Here a connection
error or timeout counts as a miss: reads return the default, writes do
nothing (False where Django's API answers a bool), `incr`/`decr` raise
ValueError as for a missing key (so the rate limits count 1 and let the
attempt through). One WARNING per `OUTAGE_LOG_INTERVAL` seconds per process
names the outage. redis-py reconnects by itself on the next call, so the
cache works again as soon as Redis is back, without a restart.

Keep `socket_connect_timeout` and `socket_timeout` short in OPTIONS (0.25 s
in production): they are what each cache call costs while Redis is down.

Imports only Django and redis-py.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# ConnectionError covers a refused or reset connection (and BusyLoadingError);
# TimeoutError a Redis that accepts but does not answer in socket_timeout.
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
OUTAGE_LOG_INTERVAL = 60  # seconds between two warnings in one process


def _on_outage(answer):
    """Run the cache operation; on a Redis outage, warn (rarely) and answer."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OUTAGE_ERRORS as error:
                self._warn_outage(method.__name__, error)
                return answer(*args, **kwargs)

        return wrapper

    return decorator


def _false(*args, **kwargs):
    return False


def _none(*args, **kwargs):
    return None


def _default(key, default=None, version=None):
    return default


def _empty(*args, **kwargs):
    return {}


def _all_failed(data, *args, **kwargs):
    # Django's set_many answers the keys it could not store.
    return list(data)


def _missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (the cache is unreachable).")


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one redis-py client per connection pool.

    Django makes a new `redis.Redis` for every cache call, and redis-py 8
    builds a table of some 170 reply handlers in each: about half a
    millisecond of CPU per call, more than the round trip to Redis. A client
    is safe to share between threads (each command borrows a connection from
    the pool), so one per pool is kept.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(
                id(pool), self._client(connection_pool=pool)
            )
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, with a Redis outage treated as a cache miss."""

    outage_log_interval = OUTAGE_LOG_INTERVAL

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._outage_lock = threading.Lock()
        self._last_outage_warning = None

    def _warn_outage(self, operation, error):
        now = time.monotonic()
        with self._outage_lock:
            last = self._last_outage_warning
            if last is not None and now - last < self.outage_log_interval:
                return
            self._last_outage_warning = now
        logger.warning(
            "Redis cache outage: %s failed (%s: %s); answering as a cache miss. "
            "At most one such warning every %s s.",
            operation,
            type(error).__name__,
            error,
            self.outage_log_interval,
        )

    add = _on_outage(_false)(RedisCache.add)
    get = _on_outage(_default)(RedisCache.get)
    set = _on_outage(_none)(RedisCache.set)
    touch = _on_outage(_false)(RedisCache.touch)
    delete = _on_outage(_false)(RedisCache.delete)
    get_many = _on_outage(_empty)(RedisCache.get_many)
    has_key = _on_outage(_false)(RedisCache.has_key)
    incr = _on_outage(_missing)(RedisCache.incr)
    set_many = _on_outage(_all_failed)(RedisCache.set_many)
    delete_many = _on_outage(_none)(RedisCache.delete_many)
    clear = _on_outage(_false)(RedisCache.clear)
