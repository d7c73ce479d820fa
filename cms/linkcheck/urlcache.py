"""The cross-run cache of external URL results (UrlCheck rows), read and written in bounded chunks."""

import hashlib
from datetime import timedelta

from django.utils import timezone

from . import conf
from .models import UrlCheck, UrlStatus

CHUNK = 500  # keeps IN (...) lists well under every database's parameter limit


def url_hash(url):
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def _chunks(items):
    items = list(items)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def expired(urls, now):
    """The URLs without a cached result that is still fresh at `now`."""
    urls = set(urls)
    fresh = set()
    for chunk in _chunks(url_hash(url) for url in urls):
        fresh.update(UrlCheck.objects.filter(url_hash__in=chunk, expires_at__gt=now).values_list("url", flat=True))
    return urls - fresh


def cached(urls):
    """{url: UrlResult} of whatever the cache holds for these URLs, fresh or not."""
    results = {}
    for chunk in _chunks(url_hash(url) for url in urls):
        for row in UrlCheck.objects.filter(url_hash__in=chunk):
            results[row.url] = row.as_result()
    return results


def save(results, now=None):
    """Store fetched results for LINKCHECK_CACHE_TTL seconds; UNCHECKED ones are not results and are skipped."""
    now = now or timezone.now()
    expires = now + timedelta(seconds=conf.get("LINKCHECK_CACHE_TTL"))
    rows = [
        UrlCheck(
            url_hash=url_hash(r.url),
            url=r.url,
            status=r.status,
            http_status=r.http_status,
            reason=r.reason,
            detail=r.detail,
            final_url=r.final_url,
            checked_at=now,
            expires_at=expires,
        )
        for r in results.values()
        if r.status != UrlStatus.UNCHECKED
    ]
    UrlCheck.objects.bulk_create(
        rows,
        batch_size=CHUNK,
        update_conflicts=True,
        unique_fields=["url_hash"],
        update_fields=["status", "http_status", "reason", "detail", "final_url", "checked_at", "expires_at"],
    )
