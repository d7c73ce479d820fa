"""Django's Redis cache, degraded instead of failing when Redis is unreachable.

The cache only makes the site faster (whole pages, link-check results; rate limits fail open and the honeypot
and CSRF checks remain), so Redis being restarted or gone must not turn pages into error pages. Every operation that
cannot reach Redis answers as a miss (``get`` gives the default, ``set`` stores nothing, ``add`` says no) and
is logged; for ``RETRY_AFTER`` seconds after a failure Redis is not asked at all, so a dead server costs one
connect timeout per worker and interval, not one per request. Set short socket timeouts in ``OPTIONS``
(cms/settings/production.py) so a hanging server fails as fast as a refused connection.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds


def _degrading(name, fallback):
    def method(self, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback(args, kwargs)
        try:
            return getattr(super(TolerantRedisCache, self), name)(*args, **kwargs)
        except RedisError:
            self._down_until = time.monotonic() + RETRY_AFTER
            logger.warning("Redis cache unreachable; serving without it for %.0f s", RETRY_AFTER, exc_info=True)
            return fallback(args, kwargs)

    method.__name__ = name
    return method


def _default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


def _nothing(args, kwargs):
    return None


def _no(args, kwargs):
    return False


def _empty(args, kwargs):
    return {}


def _counted_nothing(args, kwargs):
    return kwargs.get("delta", args[1] if len(args) > 1 else 1)


def _all_keys_failed(args, kwargs):
    data = kwargs.get("data", args[0] if args else {})
    return list(data)


class TolerantRedisCache(RedisCache):
    _down_until = 0.0

    get = _degrading("get", _default)
    set = _degrading("set", _nothing)
    add = _degrading("add", _no)
    touch = _degrading("touch", _no)
    delete = _degrading("delete", _no)
    has_key = _degrading("has_key", _no)
    get_many = _degrading("get_many", _empty)
    set_many = _degrading("set_many", _all_keys_failed)
    delete_many = _degrading("delete_many", _nothing)
    clear = _degrading("clear", _nothing)
    incr = _degrading("incr", _counted_nothing)  # decr() calls incr(); a rate limit fails open while Redis is down
