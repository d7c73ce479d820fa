"""Whole citizen pages kept in Django's cache for anonymous visitors, valid until the site changes.

A page is stored under the site's content stamp (cms/api/versions.py: bumped after every committed write, so a
published, unpublished, moved or deleted page, an edited registry row, a menu change all expire every stored page
at once) and only until the earliest moment it changes by itself (boundaries.py: a meeting starts, a day begins).
A hit costs one single-row SELECT and one cache read.

Only what is the same for every anonymous visitor is stored: a GET from a request that carries no session or
messages cookie and no credentials (editors, the version for the visually impaired and password-protected pages
all live in the session), answered 200 with no cookie set (a form's CSRF token sets one) and not marked
``private``, ``no-store`` or ``no-cache`` by its view. Everyone else is served exactly as without the cache. The
anonymous API's answers are stored the same way (its registries' ETags are made of the same stamp); a stored
answer is not counted against the per-address API throttle, which is there to limit what costs.

A view whose every request must leave a trace (the search statistics) sets ``response.page_cache_replay`` to a
list of ``(dotted path, args)`` calls; they run again on each hit.

Stored and replayed pages carry an ``ETag`` and ``Last-Modified`` and answer conditional requests with 304;
``Cache-Control: no-cache`` makes browsers and proxies ask again each time, so the next request sees a change.
The cache failing (Redis gone) serves the page uncached (cms/core/cache_backends.py keeps that fast).
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from django.utils.module_loading import import_string

from cms.api.versions import content_version

from .boundaries import valid_until

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
HEADER = "X-Page-Cache"  # hit | miss | bypass, for operators and tests
UNCACHEABLE = {"private", "no-store", "no-cache"}
# Headers a hit must not repeat: each is computed for the response it belongs to.
NOT_STORED = {"set-cookie", "date", HEADER.lower()}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped = None  # the prefixes, found on the first request (the URLconf is loaded by then)

    def __call__(self, request):
        if self.skipped is None:
            self.skipped = skipped_prefixes()
        if not getattr(settings, "CITIZEN_PAGE_CACHE", False) or request.path_info.startswith(self.skipped):
            return self.get_response(request)
        if not cacheable_request(request):
            response = self.get_response(request)
            response[HEADER] = "bypass"
            return response
        try:
            stamp = content_version()
        except Exception:  # noqa: BLE001 - the database is down: let the view fail as it would without the cache
            return self.get_response(request)
        key = entry_key(request, stamp)
        entry = cache_call(cache.get, key)
        if entry is not None and entry["until"] > timezone.now().timestamp():
            return replay(request, entry)
        response = self.get_response(request)
        if request.method == "GET" and cacheable_response(request, response):
            cache_call(store, request, response, key, stamp)
            response[HEADER] = "miss"
            return conditional(request, response) or response
        response[HEADER] = "bypass"
        return response


def skipped_prefixes() -> tuple[str, ...]:
    prefixes = [settings.STATIC_URL or "/static/", settings.MEDIA_URL or "/media/", "/documents/"]
    prefixes += getattr(settings, "CITIZEN_PAGE_CACHE_SKIP", [])
    try:
        prefixes.append(reverse("wagtailadmin_home"))
    except NoReverseMatch:
        pass
    return tuple(prefix for prefix in prefixes if prefix and prefix != "/")


def cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    directives = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & UNCACHEABLE


def entry_key(request, stamp: str) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    if request.path_info.startswith(API_PREFIX):
        # The API negotiates its format (Accept) and answers CORS per origin (Origin); pages do neither.
        address += f"\n{request.headers.get('Accept', '')}\n{request.headers.get('Origin', '')}"
    return f"pagecache:{stamp}:{hashlib.sha1(address.encode(), usedforsecurity=False).hexdigest()}"


def store(request, response, key: str, stamp: str) -> None:
    now = timezone.now()
    until = valid_until(stamp, now)
    ttl = min(settings.CITIZEN_PAGE_CACHE_TTL, (until - now).total_seconds())
    if ttl < 1:
        return
    mark_validators(response, now.timestamp())
    entry = {
        "until": now.timestamp() + ttl,
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED],
        "content": response.content,
        "replay": list(getattr(response, "page_cache_replay", ())),
    }
    cache.set(key, entry, timeout=int(ttl))


def cache_call(operation, *args, **kwargs):
    """The cache's answer, or None when it fails: a page served uncached is better than an error page."""
    try:
        return operation(*args, **kwargs)
    except Exception:  # noqa: BLE001 - any backend's connection error
        logger.warning("page cache: the cache is unavailable; serving uncached", exc_info=True)
        return None


def mark_validators(response, stored_at: float) -> None:
    """Validators for conditional requests; a view's own (the calendar's ETag, say) are kept."""
    if "ETag" not in response:
        response["ETag"] = '"%s"' % hashlib.md5(response.content, usedforsecurity=False).hexdigest()  # noqa: UP031
    if "Last-Modified" not in response:
        response["Last-Modified"] = http_date(stored_at)
    if "Cache-Control" not in response:
        response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ["Cookie"])


def replay(request, entry: dict):
    for dotted_path, args in entry["replay"]:
        try:
            import_string(dotted_path)(*args)
        except Exception:  # a statistic lost is better than a page refused
            logger.exception("page cache: replaying %s failed", dotted_path)
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response[HEADER] = "hit"
    return conditional(request, response) or response


def conditional(request, response):
    """A 304 when the visitor already holds this version (If-None-Match first, as RFC 9110 orders them)."""
    etag = response.get("ETag")
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = parse_etags(if_none_match)
        if "*" not in tags and etag not in tags:
            return None
    else:
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        modified = parse_http_date_safe(response.get("Last-Modified", ""))
        if since is None or modified is None or modified > since:
            return None
    not_modified = HttpResponseNotModified()
    for name in ("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Language", HEADER):
        if name in response:
            not_modified[name] = response[name]
    return not_modified
