"""The citizen search: live public pages only, paginated, logged, and never an error page for odd input."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from search.views import clean_query
from tests.conftest import add_information_page

pytestmark = pytest.mark.django_db


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml")


def _result_titles(soup):
    return [a.get_text(strip=True) for a in soup.select("ol.search-results__list a")]


def _status(soup):
    return soup.select_one(".search-results").get_text(" ", strip=True)


def test_finds_live_pages_by_words_in_their_body(client, demo_site):
    soup = _soup(client.get("/search/", {"q": "вторникам"}))
    assert _result_titles(soup) == ["Порядок приёма граждан"]
    assert soup.select_one("ol.search-results__list a")["href"] == "/ob-administratsii/struktura/poryadok-priyoma/"
    assert "Найдена 1 страница." in _status(soup)
    assert len(soup.find_all("h1")) == 1
    # The query stays in the search field so the citizen can refine it.
    assert soup.find("input", id="search-page-q")["value"] == "вторникам"


def test_drafts_and_restricted_pages_are_never_found(client, demo_site):
    add_information_page(
        demo_site["about"], "Проект отчёта", "proekt", body=[("paragraph", "<p>секретный черновик</p>")]
    )
    demo_site["about"].get_children().get(slug="proekt").specific.unpublish()
    restricted = add_information_page(
        demo_site["about"], "Служебная записка", "zapiska", body=[("paragraph", "<p>секретный документ</p>")]
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    soup = _soup(client.get("/search/", {"q": "секретный"}))
    assert _result_titles(soup) == []
    assert "По запросу «секретный» ничего не найдено." in _status(soup)


def test_each_search_is_logged_once_in_the_query_log(client, demo_site):
    client.get("/search/", {"q": "  Приёма   граждан "})
    client.get("/search/", {"q": "приёма граждан"})
    client.get("/search/", {"q": "приёма граждан", "page": "2"})  # browsing results is not a new search
    assert Query.get("приёма граждан").hits == 2


def test_empty_query_asks_for_words_and_logs_nothing(client, demo_site):
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": "\x00"}):
        soup = _soup(client.get("/search/", params))
        assert "Введите одно или несколько слов для поиска." in _status(soup)
    assert not Query.objects.exists()


@pytest.mark.parametrize(
    "query",
    ['"', "'", "*", "приём*", "(", ")", "AND", "OR NOT", "-", "приёма\x00граждан", "NEAR(a b)", "a:b", "^", "я" * 5000],
)
def test_odd_queries_get_a_page_not_an_error(client, demo_site, query):
    soup = _soup(client.get("/search/", {"q": query}))
    assert len(soup.find_all("h1")) == 1


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999999999999999999999", "1e400", "inf", "\x00", "2.5"])
def test_bad_page_numbers_fall_back_to_a_valid_page(client, demo_site, page):
    soup = _soup(client.get("/search/", {"q": "вторникам", "page": page}))
    assert _result_titles(soup) == ["Порядок приёма граждан"]


def test_results_are_paginated(client, home_page):
    for number in range(25):
        add_information_page(home_page, f"Объявление {number:02d}", f"obyavlenie-{number}")
    first = _soup(client.get("/search/", {"q": "объявление"}))
    assert len(_result_titles(first)) == 10
    assert "Найдено 25 страниц." in _status(first)
    pagination = first.find("nav", attrs={"aria-label": "Страницы результатов"})
    assert "Страница 1 из 3" in pagination.get_text()
    next_link = pagination.find("a", rel="next")["href"]
    assert next_link == "?q=%D0%BE%D0%B1%D1%8A%D1%8F%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5&page=2"
    last = _soup(client.get("/search/", {"q": "объявление", "page": "3"}))
    assert len(_result_titles(last)) == 5
    assert last.select_one("ol.search-results__list")["start"] == "21"


def test_results_page_runs_the_same_queries_for_few_and_many_matches(
    client, home_page, django_assert_max_num_queries, django_assert_num_queries
):
    for number in range(3):
        add_information_page(home_page, f"Объявление {number}", f"obyavlenie-{number}")
    client.get("/search/", {"q": "объявление", "page": "1"})  # warm per-process caches
    with django_assert_max_num_queries(12) as few:
        assert len(_result_titles(_soup(client.get("/search/", {"q": "объявление", "page": "1"})))) == 3
    for number in range(3, 40):
        add_information_page(home_page, f"Объявление {number}", f"obyavlenie-{number}")
    with django_assert_num_queries(len(few)):
        assert len(_result_titles(_soup(client.get("/search/", {"q": "объявление", "page": "1"})))) == 10


def test_clean_query_drops_control_characters_and_caps_length():
    assert clean_query("  при\x00ём\tграждан \u200b ") == "при ём граждан"
    assert len(clean_query("а" * 1000)) == 255


def test_editors_promoted_results_head_the_first_page(client, demo_site):
    query = Query.get("приём")
    SearchPromotion.objects.create(query=query, page=demo_site["reception"], sort_order=1, description="Когда и где.")
    SearchPromotion.objects.create(
        query=query, external_link_url="https://www.gosuslugi.ru/", external_link_text="Госуслуги", sort_order=2
    )
    hidden = add_information_page(demo_site["about"], "Черновик приёма", "chernovik-priyoma")
    hidden.unpublish()
    SearchPromotion.objects.create(query=query, page=hidden, sort_order=3)
    soup = _soup(client.get("/search/", {"q": "Приём"}))
    promoted = soup.select(".search-promotions a")
    assert [(a.get_text(strip=True), a["href"]) for a in promoted] == [
        ("Порядок приёма граждан", "/ob-administratsii/struktura/poryadok-priyoma/"),
        ("Госуслуги", "https://www.gosuslugi.ru/"),
    ]
    assert "Когда и где." in soup.select_one(".search-promotions").get_text()
    assert soup.select(".search-promotions h2")[0].get_text(strip=True) == "Рекомендуем"


def test_query_is_shown_escaped(client, demo_site):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()
