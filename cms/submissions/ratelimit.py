"""A per-address limit of submissions through Django's cache (fixed window)."""

from django.core.cache import cache

from . import conf


def client_address(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the sender and would let a bot pick a fresh address per post.
    # Behind a proxy, the deployment rewrites REMOTE_ADDR (docs/operations.md).
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(scope: str, address: str) -> str:
    return f"submissions:rate:{scope}:{address}"


def attempts_left(request, scope: str) -> int:
    limit, _window = conf.rate_limit()
    return max(0, limit - int(cache.get(_key(scope, client_address(request)), 0)))


def is_limited(request, scope: str) -> bool:
    """Whether this address has used up its submissions of ``scope`` in the current window."""
    return attempts_left(request, scope) <= 0


def record(request, scope: str) -> None:
    """Count one accepted submission of ``scope`` from this address."""
    _limit, window = conf.rate_limit()
    key = _key(scope, client_address(request))
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
