"""The meetings calendar page and its iCalendar feed, parsed back with the icalendar package."""

from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from cms.councils.models import CouncilMeetingsPage, Publication

from .conftest import add_council, add_meeting, days, local

pytestmark = pytest.mark.django_db
FEED = "/councils/meetings.ics"


def test_feed_url_is_named():
    assert reverse("councils:meetings_ics") == FEED


def test_calendar_page_lists_upcoming_then_past_meetings_of_all_councils(client, councils_site):
    education, housing = councils_site["education"], councils_site["housing"]
    add_meeting(education, timezone.now() + days(20), place="Школа № 1")
    add_meeting(housing, timezone.now() + days(5), place="Каб. 210")
    add_meeting(housing, local(2024, 3, 1), place="Старый зал")
    add_meeting(education, timezone.now() + days(7), place="Отменённый зал", cancelled=True)
    Publication.objects.create(
        council=housing,
        title="Отчёт совета по ЖКХ",
        kind="report",
        published_on=date(2025, 1, 15),
        url="https://example.org/",
    )
    html = client.get(councils_site["sections"][CouncilMeetingsPage].url).content.decode()
    upcoming, past = html.index("Предстоящие заседания"), html.index("Прошедшие заседания")
    assert upcoming < html.index("Каб. 210") < html.index("Отменённый зал") < html.index("Школа № 1") < past
    assert past < html.index("Старый зал")
    assert "Заседание отменено." in html
    assert "Совет по образованию" in html and "Совет по ЖКХ" in html
    assert "Отчёт совета по ЖКХ" in html
    assert f'href="{FEED}"' in html


def test_past_meetings_are_paged(client, councils_site):
    for i in range(25):
        add_meeting(councils_site["education"], local(2023, 1, 1) + timedelta(days=i), place=f"Зал {i:02d}")
    url = councils_site["sections"][CouncilMeetingsPage].url
    first = client.get(url).content.decode()
    assert "Зал 24" in first and "Зал 04" not in first and "Страница 1 из 2" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "Зал 04" in second and "Зал 24" not in second
    assert client.get(url, {"page": "abc"}).status_code == 200


def _parse(client) -> Calendar:
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_feed_is_valid_rfc5545_with_the_barnaul_time_zone(client, councils_site):
    day = timezone.localdate() + days(10)
    meeting = add_meeting(
        councils_site["education"],
        local(day.year, day.month, day.day, 15, 30),
        agenda="<p>О плане работы &amp; отчёте.</p>",
        ends_at=local(day.year, day.month, day.day, 17, 0),
    )
    calendar = _parse(client)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Asia/Barnaul"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"council-meeting-{meeting.pk}@testserver"
    assert event["DTSTAMP"].dt.tzinfo is not None and event["DTSTAMP"].dt.utcoffset() == timedelta(0)
    start = event["DTSTART"]
    assert start.params["TZID"] == "Asia/Barnaul"
    assert start.dt == local(day.year, day.month, day.day, 15, 30)
    assert start.dt.astimezone(UTC).hour == 8  # Barnaul is UTC+7
    assert event["DTEND"].dt == local(day.year, day.month, day.day, 17, 0)
    assert str(event["SUMMARY"]) == "Заседание: Совет по образованию"
    assert str(event["LOCATION"]) == "ул. Кедровая, 1, зал заседаний"
    assert "О плане работы & отчёте." in str(event["DESCRIPTION"])
    assert str(event["URL"]) == "http://testserver" + councils_site["education"].url
    assert str(event["STATUS"]) == "CONFIRMED"
    assert start.dt.utcoffset() == ZoneInfo("Asia/Barnaul").utcoffset(start.dt.replace(tzinfo=None))


def test_feed_marks_cancelled_meetings_and_keeps_uids_stable(client, councils_site):
    meeting = add_meeting(councils_site["housing"], timezone.now() - days(20), cancelled=True)
    first = _parse(client).walk("VEVENT")[0]
    meeting.place = "Новый зал"
    meeting.save()
    second = _parse(client).walk("VEVENT")[0]
    assert str(first["STATUS"]) == "CANCELLED"
    assert str(first["UID"]) == str(second["UID"])
    assert str(second["LOCATION"]) == "Новый зал"
    # A meeting without an end time lasts two hours in the feed.
    assert second["DTEND"].dt - second["DTSTART"].dt == timedelta(hours=2)


def test_feed_leaves_out_unpublished_councils(client, councils_site):
    hidden = add_council(councils_site["index"], "Черновой совет", "chernovoy")
    add_meeting(hidden, timezone.now() + days(3), place="Тайное место")
    hidden.unpublish()
    add_meeting(councils_site["education"], timezone.now() + days(4))
    events = _parse(client).walk("VEVENT")
    assert len(events) == 1 and "Тайное место" not in str(events[0]["LOCATION"])


def test_calendar_and_feed_queries_do_not_grow(client, councils_site, django_assert_max_num_queries):
    url = councils_site["sections"][CouncilMeetingsPage].url

    def fill(n, offset):
        for i in range(n):
            council = councils_site["education" if i % 2 else "housing"]
            add_meeting(council, timezone.now() - timedelta(days=offset + i + 1))
            add_meeting(council, timezone.now() + timedelta(days=offset + i + 1))
            Publication.objects.create(
                council=council,
                title=f"Отчёт {offset + i}",
                kind="report",
                published_on=date(2024, 1, 1),
                url="https://example.org/",
            )

    fill(2, 0)
    counts = {}
    for name, target in (("page", url), ("feed", FEED)):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(target).status_code == 200
        counts[name] = len(captured)
    fill(18, 100)
    for name, target in (("page", url), ("feed", FEED)):
        with django_assert_max_num_queries(counts[name]):
            assert client.get(target).status_code == 200


def test_feed_keeps_a_year_of_history_and_answers_304_when_unchanged(client, councils_site):
    add_meeting(councils_site["education"], timezone.now() - days(400), place="Давнее заседание")
    add_meeting(councils_site["education"], timezone.now() - days(300), place="Прошлогоднее заседание")
    response = client.get(FEED)
    places = [str(event["LOCATION"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]
    assert places == ["Прошлогоднее заседание"]
    etag = response["ETag"]
    assert client.get(FEED, HTTP_IF_NONE_MATCH=etag).status_code == 304
    add_meeting(councils_site["housing"], timezone.now() + days(3))
    assert client.get(FEED, HTTP_IF_NONE_MATCH=etag).status_code == 200
