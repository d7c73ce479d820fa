"""What the frame adds to every API endpoint: conditional GET (ETag/Last-Modified/304), cache headers,
anonymous throttling, and 400 with a JSON reason for malformed input instead of a 500."""

import hashlib
import logging

from django.conf import settings
from django.core.exceptions import FieldError
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import HttpResponseNotModified
from django.utils.http import http_date, parse_http_date_safe
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

logger = logging.getLogger(__name__)

# Characters no query parameter of this API legitimately carries (NUL breaks PostgreSQL, the others are noise).
CONTROL_CHARACTERS = frozenset(chr(c) for c in range(32)) - {"\t"}


class BadRequest(APIException):
    """400 with ``{"message": reason}`` — the same shape as Wagtail's own BadRequestError answers."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "bad_request"

    def __init__(self, message):
        super().__init__({"message": str(message)})


class AnonymousThrottle(AnonRateThrottle):
    """Per-address limit for anonymous clients (``API_ANON_THROTTLE_RATE``, e.g. "600/min"; None = off).

    Read at request time, so an installation or a test can change it without re-importing DRF's settings.
    DRF answers 429 with ``Retry-After`` when it applies.
    """

    def get_rate(self):
        return getattr(settings, "API_ANON_THROTTLE_RATE", None)

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


def check_control_characters(query_dict):
    for name, values in query_dict.lists():
        for text in [name, *values]:
            if CONTROL_CHARACTERS.intersection(text):
                raise BadRequest(f"{name[:40]!r}: control characters are not allowed")


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(candidate.strip().removeprefix("W/") == bare for candidate in header.split(","))


class ConditionalMixin:
    """ETag, Last-Modified, 304 on If-None-Match / If-Modified-Since, Cache-Control and Vary.

    A view may define ``cheap_etag(request)`` (a version token computed without building the answer, e.g. the
    feed's sequence): a matching request is answered 304 before any other work. Otherwise the ETag is a hash of
    the rendered body, which still saves the client the transfer. ``last_modified`` (a datetime) set on the view
    while answering becomes ``Last-Modified``.
    """

    # The public API is read-only and anonymous: no session lookup, no CSRF; everyone is throttled per address.
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousThrottle]
    last_modified = None

    def cheap_etag(self, request):
        return None

    def _cache_headers(self, response, etag):
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={getattr(settings, 'API_CACHE_MAX_AGE', 60)}"
        response["Vary"] = "Accept, Origin"
        if self.last_modified is not None:
            response["Last-Modified"] = http_date(self.last_modified.timestamp())
        return response

    def _not_modified(self, request, etag) -> bool:
        header = request.headers.get("If-None-Match")
        if header is not None:
            return _etag_matches(header, etag)
        since = request.headers.get("If-Modified-Since")
        if since and self.last_modified is not None:
            parsed = parse_http_date_safe(since)
            return parsed is not None and int(self.last_modified.timestamp()) <= parsed
        return False

    def dispatch(self, request, *args, **kwargs):
        conditional = request.method in ("GET", "HEAD")
        etag = None
        if conditional:
            token = self.cheap_etag(request)
            if token is not None:
                etag = '"' + hashlib.sha256(f"{token}|{request.get_full_path()}".encode()).hexdigest()[:32] + '"'
                if self._not_modified(request, etag):
                    return self._cache_headers(HttpResponseNotModified(), etag)
        response = super().dispatch(request, *args, **kwargs)
        if not conditional or response.status_code != 200:
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if etag is None:
            etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        if self._not_modified(request, etag):
            return self._cache_headers(HttpResponseNotModified(), etag)
        return self._cache_headers(response, etag)


class HardenedErrorsMixin:
    """Malformed input that reaches the ORM (a date filter with "abc", an out-of-range number) answers 400."""

    MALFORMED = (DjangoValidationError, FieldError, DataError, OverflowError, ValueError, TypeError)

    def initial(self, request, *args, **kwargs):
        check_control_characters(request.GET)
        super().initial(request, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, self.MALFORMED):
            logger.info("API: malformed request %s: %s", self.request.path, exc)
            messages = getattr(exc, "messages", None)
            exc = BadRequest("; ".join(messages) if messages else str(exc) or "malformed request")
        return super().handle_exception(exc)
