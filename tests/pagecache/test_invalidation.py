"""Whatever changes what a citizen sees is visible on the very next request, although pages are cached."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext, override
from wagtail.models import Page

from cms.councils.models import CouncilMeetingsPage
from cms.snippets.models import ResponsibleUnit
from tests.conftest import add_information_page, add_rubric
from tests.councils.conftest import add_meeting

from .conftest import served

pytestmark = pytest.mark.django_db


def test_second_anonymous_request_is_a_hit_with_the_same_page(client, demo_site):
    first, first_state = served(client, "/ob-administratsii/struktura/poryadok-priyoma/")
    second, second_state = served(client, "/ob-administratsii/struktura/poryadok-priyoma/")
    assert (first_state, second_state) == ("miss", "hit")
    assert second.status_code == 200 and second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "Приём ведётся по вторникам" in second.content.decode()


def test_a_published_change_shows_at_once(client, demo_site):
    page = demo_site["reception"]
    served(client, page.url)
    api_url = f"/api/v2/pages/{page.pk}/"
    served(client, api_url)
    page.title = "Порядок приёма граждан (новая редакция)"
    page.save_revision().publish()
    response, state = served(client, page.url)
    assert state == "miss" and "новая редакция" in response.content.decode()
    response, state = served(client, api_url)
    assert state == "miss" and response.json()["title"] == "Порядок приёма граждан (новая редакция)"


def test_a_draft_is_not_shown_and_an_unpublished_page_is_gone(client, demo_site):
    page = demo_site["reception"]
    served(client, page.url)
    page.title = "Черновик, не для публикации"
    page.save_revision()  # a draft: what citizens see must not change
    response, _state = served(client, page.url)
    assert "Черновик" not in response.content.decode()
    Page.objects.get(pk=page.pk).unpublish()
    assert served(client, page.url)[0].status_code == 404


def test_a_moved_page_answers_at_its_new_address_and_the_old_one_redirects(client, demo_site):
    page, target = demo_site["reception"], demo_site["anticorruption"]
    old_url, new_url = page.url, "/protivodeystvie-korruptsii/poryadok-priyoma/"
    assert served(client, old_url)[0].status_code == 200
    page.move(target, pos="last-child")
    moved = served(client, old_url)[0]
    assert moved.status_code == 301 and moved["Location"] == new_url  # Wagtail's automatic redirect
    assert served(client, new_url)[0].status_code == 200


def test_a_deleted_page_is_gone(client, demo_site):
    url = demo_site["acts"].url
    served(client, url)
    demo_site["acts"].delete()
    assert served(client, url)[0].status_code == 404


def test_a_menu_change_shows_on_every_cached_page(client, demo_site):
    served(client, "/")
    served(client, demo_site["reception"].url)
    add_rubric(demo_site["home"], "Муниципальные услуги", "uslugi")
    for url in ("/", demo_site["reception"].url):
        response, state = served(client, url)
        assert state == "miss" and "Муниципальные услуги" in response.content.decode()


def test_a_registry_row_a_page_shows_changes_at_once(client, demo_site):
    unit = ResponsibleUnit.objects.create(name="Общий отдел", slug="obshchiy-otdel")
    page = add_information_page(demo_site["about"], "Телефоны", "telefony")
    page.owner_unit = unit
    page.save_revision().publish()
    assert "Общий отдел" in served(client, page.url)[0].content.decode()
    ResponsibleUnit.objects.filter(pk=unit.pk).update(name="Отдел делопроизводства")  # no signal, no save()
    assert "Отдел делопроизводства" in served(client, page.url)[0].content.decode()


def upcoming_part(content: bytes) -> str:
    with override("ru"):
        return content.decode().split(gettext("Past meetings"))[0]


def test_a_meeting_moves_to_the_past_when_it_starts_without_any_write(client, councils_site, monkeypatch):
    meetings_page = CouncilMeetingsPage.objects.get()
    # The clock stands at tomorrow's local noon, far from any midnight (which expires every page as well).
    noon = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time(12)))
    starts = noon + timedelta(hours=1)
    add_meeting(councils_site["education"], starts, place="Актовый зал школы № 1")
    monkeypatch.setattr(timezone, "now", lambda: noon)
    response, _state = served(client, meetings_page.url)
    assert "Актовый зал школы № 1" in upcoming_part(response.content)

    monkeypatch.setattr(
        timezone, "now", lambda: starts - timedelta(minutes=1)
    )  # the clock moves on, nothing is written
    assert served(client, meetings_page.url)[1] == "hit"
    monkeypatch.setattr(timezone, "now", lambda: starts + timedelta(seconds=1))
    response, state = served(client, meetings_page.url)
    assert state == "miss" and "Актовый зал школы № 1" not in upcoming_part(response.content)


def test_every_cached_page_expires_at_local_midnight(client, demo_site, monkeypatch, settings):
    """Dates on pages (an overdue review, an expertise window) change with the day in Asia/Barnaul."""
    settings.CITIZEN_PAGE_CACHE_TTL = 2 * 24 * 3600  # longer than a day, so the day's end is what expires it
    served(client, "/")
    midnight = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time.min))
    monkeypatch.setattr(timezone, "now", lambda: midnight - timedelta(seconds=1))
    assert served(client, "/")[1] == "hit"
    monkeypatch.setattr(timezone, "now", lambda: midnight)
    assert served(client, "/")[1] == "miss"
