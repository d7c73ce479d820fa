"""The meetings calendar as iCalendar (RFC 5545), for citizens' calendar clients."""

from datetime import UTC, timedelta
from functools import lru_cache
from html import unescape as unescape_entities

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

PRODID = "-//ZATO Sibirsky//Public councils//RU"
MEETING_HOURS = 2  # a meeting without an end time is shown as two hours long


@lru_cache(maxsize=1)
def _vtimezone() -> Timezone:
    # Building a VTIMEZONE walks the zone's transitions; the zone does not change while the process runs.
    return Timezone.from_tzid(settings.TIME_ZONE)


def _plain(html: str) -> str:
    return unescape_entities(strip_tags((html or "").replace("</p>", "</p>\n").replace("<br>", "\n"))).strip()


def meeting_uid(meeting, host: str) -> str:
    return f"council-meeting-{meeting.pk}@{host}"


def build_calendar(meetings, *, host: str, base_url: str, name: str, request=None) -> bytes:
    """One VEVENT per meeting, times in the site's zone with its VTIMEZONE; ``meetings`` come with their council."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add_component(_vtimezone())
    zone = timezone.get_default_timezone()
    council_urls = {}  # a council's URL is worked out once, however many meetings it has
    for meeting in meetings:
        event = Event()
        event.add("uid", meeting_uid(meeting, host))
        event.add("dtstamp", meeting.updated_at.astimezone(UTC))
        event.add("last-modified", meeting.updated_at.astimezone(UTC))
        start = meeting.starts_at.astimezone(zone)
        end = (meeting.ends_at or meeting.starts_at + timedelta(hours=MEETING_HOURS)).astimezone(zone)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", _("Meeting: %(council)s") % {"council": meeting.council.title})
        event.add("location", meeting.place)
        description = _plain(meeting.agenda)
        if description:
            event.add("description", f"{_('Agenda')}:\n{description}")
        event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
        if meeting.council_id not in council_urls:
            council_urls[meeting.council_id] = meeting.council.get_url(request)
        council_url = council_urls[meeting.council_id]
        if council_url:
            event.add("url", base_url + council_url if council_url.startswith("/") else council_url)
        calendar.add_component(event)
    return calendar.to_ical()
