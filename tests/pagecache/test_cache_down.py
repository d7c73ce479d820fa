"""Redis gone degrades to uncached pages, never to error pages; Redis there stores and serves pages."""

import pytest
from django.core.cache import caches

from .conftest import served

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/14"
NOTHING_LISTENS = "redis://127.0.0.1:9/0"  # the discard port: connection refused


def tolerant_redis(location):
    return {
        "default": {
            "BACKEND": "cms.core.cache_backends.TolerantRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = tolerant_redis(REDIS)
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def test_pages_are_stored_in_redis_and_served_from_it(client, demo_site, redis_cache):
    url = demo_site["reception"].url
    assert served(client, url)[1] == "miss"
    response, state = served(client, url)
    assert state == "hit" and "Приём ведётся по вторникам" in response.content.decode()


def test_redis_gone_serves_every_page_uncached(client, demo_site, settings, caplog):
    settings.CACHES = tolerant_redis(NOTHING_LISTENS)
    for _ in range(3):
        response, state = served(client, demo_site["reception"].url)
        assert response.status_code == 200 and state == "miss"
        assert "Приём ведётся по вторникам" in response.content.decode()
    assert "Redis cache unreachable" in caplog.text
    assert served(client, "/search/?q=приём")[0].status_code == 200


def test_a_failed_redis_is_asked_again_after_a_pause(settings, monkeypatch):
    settings.CACHES = tolerant_redis(NOTHING_LISTENS)
    cache = caches["default"]
    assert cache.get("key", "fallback") == "fallback"
    assert cache.add("key", 1) is False and cache.incr("counter") == 1
    # Pointed back at a live server, it recovers once the pause is over, without a restart.
    cache._servers = [REDIS]
    cache.__dict__.pop("_cache", None)
    assert cache.get("key", "fallback") == "fallback"  # still pausing: Redis not asked
    monkeypatch.setattr(cache, "_down_until", 0.0)
    cache.set("key", "stored")
    assert cache.get("key") == "stored"
    cache.delete("key")
