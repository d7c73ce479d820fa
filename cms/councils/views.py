"""Citizen-facing views that are not pages: the meetings feed."""

from datetime import timedelta

from django.db.models import Count, Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_GET

from . import queries
from .ical import build_calendar
from .models import Meeting

# Subscribed clients poll the feed; an hour of caching spares the database.
FEED_MAX_AGE = 3600
# Calendar clients need what is coming and the recent past, not every meeting ever held; the site keeps the rest.
FEED_PAST_DAYS = 366


def _feed_meetings():
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    return Meeting.objects.filter(council__in=queries.public_councils().values("pk"), starts_at__gte=since)


def _feed_etag(request):
    # The number of meetings changes on a deletion; the latest change covers edits and additions.
    facts = _feed_meetings().aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = facts["changed"].timestamp() if facts["changed"] else 0
    return f'"{facts["count"]}-{changed:.0f}-{timezone.localdate():%Y%m%d}"'


@require_GET
@condition(etag_func=_feed_etag)
def meetings_ics(request):
    """Meetings of the public councils from a year ago on; an unchanged feed answers 304."""
    body = build_calendar(
        _feed_meetings().select_related("council").order_by("starts_at"),
        host=request.get_host().split(":")[0],
        base_url=f"{request.scheme}://{request.get_host()}",
        name=_("Meetings of public councils"),
        request=request,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="council-meetings.ics"'
    response["Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"
    return response
