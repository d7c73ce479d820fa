"""The council pages a citizen reads: composition on a date (without JavaScript), the subsections, privacy."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.councils.models import (
    CouncilCompositionsPage,
    CouncilPlansPage,
    CouncilRole,
    CouncilStatute,
    CouncilStatutesPage,
    DraftAct,
    FormationNotice,
    Publication,
    WorkPlan,
)

from .conftest import add_council, add_meeting, add_member, days, local

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(councils_site):
    council = councils_site["education"]
    add_member(council, "Берёзкина Алла Викторовна", date(2024, 1, 1), date(2024, 12, 31), role=CouncilRole.CHAIR)
    add_member(council, "Кедров Олег Павлович", date(2025, 1, 1), role=CouncilRole.CHAIR, organisation="Родители")
    add_member(council, "Лиственная Ольга Петровна", date(2024, 1, 1), role=CouncilRole.SECRETARY)
    add_member(councils_site["housing"], "Соснин Игорь Валерьевич", date(2024, 1, 1), role=CouncilRole.CHAIR)
    return councils_site


def test_council_page_shows_the_current_composition(client, history):
    html = client.get(history["education"].url).content.decode()
    today = timezone.localdate()
    assert "Состав совета на" in html
    assert "Кедров Олег Павлович" in html and "Председатель" in html and "Родители" in html
    assert "Лиственная Ольга Петровна" in html
    assert "Берёзкина" not in html  # her term is over
    assert "Соснин" not in html  # another council
    assert f'value="{today:%Y-%m-%d}"' in html
    # Earlier compositions are a link away: the days the composition changed (a start, the day after an end).
    for day in ("2025-01-01", "2024-01-01"):
        assert f'href="?date={day}#members"' in html


def test_composition_on_a_past_date_through_the_plain_form(client, history):
    html = client.get(history["education"].url, {"date": "2024-06-01"}).content.decode()
    assert "Состав совета на 1 июня 2024" in html
    assert "Берёзкина Алла Викторовна" in html and "Кедров Олег" not in html
    # A date typed by hand the Russian way works too.
    html = client.get(history["education"].url, {"date": "01.06.2024"}).content.decode()
    assert "Берёзкина Алла Викторовна" in html


def test_a_bad_date_is_explained_in_russian_and_kept(client, history):
    response = client.get(history["education"].url, {"date": "31.02.2024"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Укажите дату в формате ДД.ММ.ГГГГ, например 01.03.2025." in html
    assert 'value="31.02.2024"' in html and 'aria-invalid="true"' in html
    assert "Кедров Олег Павлович" in html  # the current composition is still shown


def test_compositions_subsection_lists_every_council_on_the_date(client, history):
    page = history["sections"][CouncilCompositionsPage]
    html = client.get(page.url, {"date": "2024-06-01"}).content.decode()
    assert "Берёзкина Алла Викторовна" in html and "Соснин Игорь Валерьевич" in html
    assert html.index("Совет по образованию") < html.index("Совет по ЖКХ")


def test_subsections_list_entries_entered_once_on_the_council(client, councils_site):
    education, housing = councils_site["education"], councils_site["housing"]
    CouncilStatute.objects.create(
        council=education, title="Положение о совете по образованию", approval_date=date(2024, 2, 1)
    )
    WorkPlan.objects.create(council=housing, year=2025, approval_date=date(2025, 1, 20))
    statutes = client.get(councils_site["sections"][CouncilStatutesPage].url).content.decode()
    assert "Положение о совете по образованию" in statutes and "Утверждено 01.02.2024" in statutes
    plans = client.get(councils_site["sections"][CouncilPlansPage].url).content.decode()
    assert "План работы на 2025 год" in plans and "Совет по ЖКХ" in plans
    council = client.get(education.url).content.decode()
    assert "Положение о совете по образованию" in council


def test_council_page_shows_meetings_notices_publications_and_drafts(client, councils_site, today):
    council = councils_site["education"]
    add_meeting(council, local(2024, 5, 20), decisions="<p>Принять к сведению.</p>")
    add_meeting(council, timezone.now() + days(10), place="Школа № 1, актовый зал")
    FormationNotice.objects.create(
        council=council,
        title="Набор в новый состав",
        procedure_start=today,
        procedure_end=today + days(30),
        eligibility="<p>Жители ЗАТО старше 18 лет.</p>",
        how_to_apply="<p>Заявление в каб. 101.</p>",
    )
    Publication.objects.create(
        council=council, title="Отчёт за год", kind="report", published_on=today, url="https://example.org/r"
    )
    DraftAct.objects.create(council=council, title="Проект постановления о детских садах", submitted_on=today)
    html = client.get(council.url).content.decode()
    assert (
        html.index("Предстоящие заседания") < html.index("Школа № 1, актовый зал") < html.index("Прошедшие заседания")
    )
    assert "20 мая 2024" in html and "Принять к сведению." in html
    assert "Набор в новый состав" in html and "Жители ЗАТО старше 18 лет." in html
    assert "Отчёт за год" in html
    assert "Проект постановления о детских садах" in html and "На рассмотрении." in html


def test_unpublished_or_restricted_councils_never_show(client, councils_site):
    index = councils_site["index"]
    draft = add_council(index, "Черновой совет", "chernovoy")
    draft.unpublish()
    secret = add_council(index, "Закрытый совет", "zakrytyy")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for council in (draft, secret):
        add_member(council, f"Тайный Член {council.slug}", date(2024, 1, 1))
        CouncilStatute.objects.create(
            council=council, title=f"Положение {council.slug}", approval_date=date(2024, 1, 1)
        )
    for page in [index, *councils_site["sections"].values()]:
        html = client.get(page.url).content.decode()
        assert "Тайный Член" not in html and "Черновой совет" not in html and "Закрытый совет" not in html, page.url
        assert "Положение chernovoy" not in html and "Положение zakrytyy" not in html


def _fill(council, n, start_year=2020):
    for i in range(n):
        add_member(council, f"Член Совета {start_year}-{i}", date(start_year, 1, 1), organisation=f"Организация {i}")
        CouncilStatute.objects.create(
            council=council, title=f"Положение, редакция {i}", approval_date=date(2020, 1, 1 + i)
        )
        WorkPlan.objects.create(council=council, year=2000 + i, approval_date=date(2000 + i, 1, 10))
        add_meeting(council, local(2023, 1, 1 + i))
        add_meeting(council, timezone.now() + days(1 + i))
        notice = FormationNotice.objects.create(
            council=council,
            title=f"Объявление {i}",
            procedure_start=date(2019, 1, 1),
            procedure_end=date(2019, 2, 1),
            eligibility="<p>Все.</p>",
            how_to_apply="<p>Письмом.</p>",
        )
        notice.save()
        Publication.objects.create(
            council=council, title=f"Новость {i}", published_on=date(2024, 1, 1), url="https://example.org/"
        )
        DraftAct.objects.create(council=council, title=f"Проект {i}", submitted_on=date(2024, 1, 1))


def _page_queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return len(queries), html


def test_council_page_queries_do_not_grow_with_the_registries(client, councils_site, django_assert_max_num_queries):
    council = councils_site["education"]
    _fill(council, 2)
    small, _ = _page_queries(client, council.url)
    _fill(council, 15, start_year=2021)
    with django_assert_max_num_queries(small):
        html = client.get(council.url).content.decode()
    assert "Проект 14" in html and "Объявление 14" in html and "Член Совета 2021-14" in html
