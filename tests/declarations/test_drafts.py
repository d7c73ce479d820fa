"""Draft acts: a dated timeline of stages, the index by stage, the annual list of socially significant drafts."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.declarations.conftest import around, make_draft

pytestmark = pytest.mark.django_db


def _soup(response, status=200):
    assert response.status_code == status
    return BeautifulSoup(response.content, "lxml")


def test_timeline_shows_every_stage_with_its_date_and_the_current_one(client, area):
    page = make_draft(
        area["drafts"],
        "nalog",
        [("initiation", date(2026, 1, 12)), ("published", date(2026, 2, 2)), ("discussion", date(2026, 2, 2))],
        discussion=(date(2026, 2, 2), date(2026, 2, 16)),
    )
    soup = _soup(client.get(page.url))
    items = soup.select("ol.decl-timeline li")
    texts = [li.get_text(" ", strip=True) for li in items]
    assert texts == [
        "Уведомление о начале разработки 12 января 2026",
        "Проект и материалы опубликованы 2 февраля 2026",
        "Общественное обсуждение 2 февраля 2026 (текущий этап)",
        "Сводка предложений ещё нет",
        "Акт принят ещё нет",
    ]
    assert items[2]["aria-current"] == "step"
    assert items[0].time["datetime"] == "2026-01-12"


def test_adopted_act_is_linked(client, area, demo_site):
    acts = demo_site["acts"]
    page = make_draft(
        area["drafts"],
        "prinyat",
        [("initiation", date(2026, 1, 1)), ("adopted", date(2026, 3, 1))],
        adopted_act_title="Постановление № 12-п",
        adopted_act_page=acts,
    )
    soup = _soup(client.get(page.url))
    link = soup.select_one("#adopted ~ p a")
    assert (link.get_text(), link["href"]) == ("Постановление № 12-п", acts.url)


def test_index_separates_open_drafts_and_filters_by_stage(client, area):
    today = timezone.localdate()
    make_draft(area["drafts"], "otkryt", [("initiation", today), ("discussion", today)], discussion=around(today, 1, 5))
    make_draft(area["drafts"], "novyy", [("initiation", today)])
    make_draft(area["drafts"], "chernovik", [("initiation", today)], live=False)
    soup = _soup(client.get(area["drafts"].url))
    open_list = [a.get_text() for a in soup.select("#open-drafts ~ ul a")]
    other = [a.get_text() for a in soup.select("#all-drafts ~ ul a")]
    assert open_list == ["Проект otkryt"]
    assert other == ["Проект novyy"]
    filtered = _soup(client.get(area["drafts"].url + "?stage=initiation"))
    assert [a.get_text() for a in filtered.select("main ul.listing a")] == ["Проект novyy"]
    bad = _soup(client.get(area["drafts"].url + "?stage=nonsense"))
    assert "Фильтр не применён" in bad.select_one("[role=alert]").get_text()


def test_annual_list_of_socially_significant_drafts_with_plain_summary(client, area):
    today = timezone.localdate()
    make_draft(
        area["drafts"],
        "dvory",
        [("initiation", today)],
        socially_significant=True,
        list_year=2026,
        plain_summary="Жители смогут сами предлагать дворы для ремонта.",
    )
    make_draft(
        area["drafts"],
        "staryy",
        [("initiation", today - timedelta(days=400))],
        socially_significant=True,
        list_year=2025,
        plain_summary="Прошлогодний проект.",
    )
    make_draft(area["drafts"], "obychnyy", [("initiation", today)])
    soup = _soup(client.get(area["drafts"].url + "perechen/2026/"))
    assert "2026" in soup.h1.get_text()
    assert [a.get_text() for a in soup.select("ol.decl-significant h2 a")] == ["Проект dvory"]
    assert "Жители смогут сами предлагать дворы для ремонта." in soup.select_one("ol.decl-significant").get_text()
    years = [(a.get_text(), a.get("aria-current")) for a in soup.select("nav.decl-years a")]
    assert years == [("2026", "page"), ("2025", None)]
    assert client.get(area["drafts"].url + "perechen/2019/").status_code == 404
    index = _soup(client.get(area["drafts"].url))
    assert index.find("a", string="Ежегодный перечень социально значимых проектов, требующих общественного обсуждения")


def test_socially_significant_draft_needs_a_plain_summary_and_a_year(area):
    page = make_draft(area["drafts"], "bez-opisaniya", [("initiation", date(2026, 1, 1))])
    page.socially_significant = True
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Социально значимому проекту нужно краткое изложение простым языком." in str(error.value)
    assert "Укажите, в перечень какого года включён проект." in str(error.value)


def test_discussion_dates_must_make_sense(area):
    page = make_draft(area["drafts"], "daty", [("initiation", date(2026, 1, 1))])
    page.discussion_start, page.discussion_end = date(2026, 2, 10), date(2026, 2, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Обсуждение не может закончиться раньше, чем началось." in str(error.value)


def test_index_query_count_does_not_grow_with_drafts(client, area, django_assert_max_num_queries):
    today = timezone.localdate()
    for n in range(2):
        make_draft(area["drafts"], f"a{n}", [("initiation", today), ("published", today)])
    client.get(area["drafts"].url)
    with django_assert_max_num_queries(40) as small:
        client.get(area["drafts"].url)
    for n in range(25):
        make_draft(area["drafts"], f"b{n}", [("initiation", today), ("published", today)])
    with django_assert_max_num_queries(len(small.captured_queries)):
        soup = _soup(client.get(area["drafts"].url))
    assert len(soup.select("main ul.listing li")) == 27
