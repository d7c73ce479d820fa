"""GET /api/v2/feed/: the newspaper's change stream, read page by page with an opaque cursor.

Items come in the order of their ``sequence``; each change of a material moves it to the end with a new version,
and a withdrawn material comes back as a tombstone. See docs/api.md for the guarantee.
"""

from datetime import datetime, time

from django.core import signing
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .feed import current_sequence
from .frame import BadRequest, ConditionalMixin, HardenedErrorsMixin
from .models import FeedEntry

CURSOR_SALT = "cms.api.feed.cursor"
DEFAULT_LIMIT = 50
MAX_LIMIT = 100
PARAMETERS = frozenset({"cursor", "updated_since", "limit", "format"})


def make_cursor(sequence: int) -> str:
    # Deterministic (no timestamp): the same position always has the same cursor, so answers stay cacheable.
    return signing.Signer(salt=CURSOR_SALT).sign_object(sequence)


def read_cursor(value: str) -> int:
    try:
        sequence = signing.Signer(salt=CURSOR_SALT).unsign_object(value)
    except signing.BadSignature as exc:
        raise BadRequest("cursor is not one this API issued") from exc
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
        raise BadRequest("cursor is not one this API issued")
    return sequence


def read_limit(value: str | None) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise BadRequest(f"limit must be an integer from 1 to {MAX_LIMIT}")
    return int(value)


def read_updated_since(value: str | None) -> datetime | None:
    """ISO 8601 date or date-time; without a zone it is the site's local time (Asia/Barnaul)."""
    if value is None:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime.combine(day, time.min) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise BadRequest("updated_since must be an ISO 8601 date or date-time, e.g. 2026-05-01T08:00:00+07:00")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def item_of(entry: FeedEntry) -> dict:
    head = {"id": entry.page_id, "version": entry.version, "sequence": entry.sequence, "state": entry.state}
    if entry.state == FeedEntry.State.WITHDRAWN:
        return {**head, "withdrawn_at": entry.changed_at.isoformat(), "reason": entry.reason}
    return {**head, "changed_at": entry.changed_at.isoformat(), **entry.payload}


FEED_PAGE = inline_serializer(
    "FeedPage",
    {
        "items": serializers.ListField(child=serializers.DictField()),
        "next_cursor": serializers.CharField(),
        "has_more": serializers.BooleanField(),
    },
)


class NewspaperFeedView(HardenedErrorsMixin, ConditionalMixin, APIView):
    """Materials marked «для газеты», oldest change first; resume with ``cursor`` = the last ``next_cursor``."""

    def cheap_etag(self, request):
        # Every change takes a new sequence number: the newest one versions every page of the feed at once.
        return f"feed:{current_sequence()}"

    @extend_schema(
        summary="Newspaper feed: changes of the materials marked for the newspaper, with tombstones",
        parameters=[
            OpenApiParameter("cursor", OpenApiTypes.STR, description="next_cursor of the previous page"),
            OpenApiParameter("updated_since", OpenApiTypes.DATETIME, description="only changes at or after"),
            OpenApiParameter("limit", OpenApiTypes.INT, description=f"1..{MAX_LIMIT}, default {DEFAULT_LIMIT}"),
        ],
        responses={200: FEED_PAGE},
    )
    def get(self, request):
        unknown = sorted(set(request.GET) - PARAMETERS)
        if unknown:
            raise BadRequest(f"unknown parameters: {', '.join(unknown)[:200]}; known: {', '.join(sorted(PARAMETERS))}")
        limit = read_limit(request.GET.get("limit"))
        since = read_updated_since(request.GET.get("updated_since"))
        after = read_cursor(request.GET["cursor"]) if "cursor" in request.GET else 0
        entries = FeedEntry.objects.filter(sequence__gt=after).order_by("sequence")
        if since is not None:
            entries = entries.filter(changed_at__gte=since)
        rows = list(entries[: limit + 1])
        has_more = len(rows) > limit
        rows = rows[:limit]
        if rows:
            self.last_modified = max(row.changed_at for row in rows)
        last = rows[-1].sequence if rows else after
        return Response(
            {"items": [item_of(row) for row in rows], "next_cursor": make_cursor(last), "has_more": has_more}
        )
