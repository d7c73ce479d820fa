"""Citizen-facing views that are not pages: the meetings feed."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import queries
from .ical import build_calendar
from .models import Meeting

# Subscribed clients poll the feed; an hour of caching spares the database.
FEED_MAX_AGE = 3600


@require_GET
def meetings_ics(request):
    """Every meeting of the public councils (past ones stay, so a subscriber keeps the history)."""
    meetings = (
        Meeting.objects.select_related("council")
        .filter(council__in=queries.public_councils().values("pk"))
        .order_by("starts_at")
    )
    body = build_calendar(
        meetings,
        host=request.get_host().split(":")[0],
        base_url=f"{request.scheme}://{request.get_host()}",
        name=_("Meetings of public councils"),
        request=request,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="council-meetings.ics"'
    response["Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"
    return response
