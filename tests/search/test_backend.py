"""The search backend understands Russian word forms for every .search() in the project, on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.snippets.models import ResponsibleUnit
from tests.conftest import add_information_page

pytestmark = pytest.mark.django_db


def _page(parent, title, text, slug):
    return add_information_page(parent, title, slug, body=[("paragraph", f"<p>{text}</p>")])


def _titles(results):
    return [page.title for page in results]


@pytest.fixture
def texts(home_page):
    return {
        "income": _page(home_page, "Сведения", "Сведения о доходах служащих за прошлый год.", "svedeniya"),
        "reception": _page(home_page, "Порядок приёма граждан", "Глава ведёт приём по вторникам.", "priem"),
        "acts": _page(home_page, "Экспертиза", "Акты проверяются на признаки коррупции.", "ekspertiza"),
        "other": _page(home_page, "Расписание автобусов", "Маршруты и интервалы движения.", "avtobusy"),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("доходы", "Сведения"),
        ("доход служащего", "Сведения"),
        ("прием гражданина", "Порядок приёма граждан"),
        ("ПРИЁМОВ", "Порядок приёма граждан"),
        ("коррупционных актов", "Экспертиза"),
        ("автобус", "Расписание автобусов"),
    ],
)
def test_a_query_in_another_form_finds_the_page(texts, query, expected):
    assert _titles(Page.objects.live().search(query))[:1] == [expected]


def test_yo_in_the_text_and_e_in_the_query_meet_both_ways(home_page):
    _page(home_page, "Объём работ", "Всё о ремонте.", "obem")
    assert _titles(Page.objects.search("объем")) == ["Объём работ"]
    _page(home_page, "Елки", "Новогодние ели на площади.", "elki")
    assert _titles(Page.objects.search("ёлки")) == ["Елки"]


def test_best_matches_come_first_and_documents_with_most_words_are_not_lost(home_page):
    _page(home_page, "Ремонт дорог", "План ремонта дорог.", "dorogi")
    _page(home_page, "Ремонт дорог и дворов летом", "Ремонт дорог и дворов в летний период.", "dvory")
    _page(home_page, "Дворы", "Благоустройство дворов.", "dvory-2")
    _page(home_page, "Бюджет", "Доходы и расходы.", "byudzhet")
    titles = _titles(Page.objects.live().search("ремонт дворов летом"))
    assert titles[0] == "Ремонт дорог и дворов летом"
    assert set(titles) == {"Ремонт дорог и дворов летом", "Ремонт дорог", "Дворы"}


def test_the_and_operator_still_narrows_when_asked(texts):
    assert _titles(Page.objects.live().search("приём вторник", operator="and")) == ["Порядок приёма граждан"]
    assert _titles(Page.objects.live().search("приём автобус", operator="and")) == []


def test_queries_without_words_find_nothing_instead_of_failing(texts):
    for query in ["!!!", "«»", "--", '"', "*", "()"]:
        assert list(Page.objects.search(query)) == []


def test_other_indexed_models_and_autocomplete_get_word_forms_too(db):
    ResponsibleUnit.objects.create(name="Отдел приёма обращений", slug="priem")
    backend = get_search_backend()
    assert [u.name for u in backend.search("обращение", ResponsibleUnit)] == ["Отдел приёма обращений"]
    assert [u.name for u in backend.autocomplete("прие", ResponsibleUnit)] == ["Отдел приёма обращений"]


def test_the_backend_is_the_one_configured_for_the_engine():
    backend = get_search_backend()
    assert backend.method == "lemma"
    assert type(backend).__module__.startswith("search.backends.")


@pytest.fixture
def many_matches(home_page):
    # Titles repeat the word a different number of times, so the ranking has an order to keep across pages.
    return [
        _page(home_page, f"Субсидия {n}", " ".join(["субсидии"] * (1 + n % 7)) + f" номер {n}.", f"subsidiya-{n}")
        for n in range(25)
    ]


def test_pages_of_results_continue_the_ranking_without_gaps_or_repeats(many_matches):
    results = get_search_backend().search("субсидия", Page.objects.live().specific())
    whole = _titles(results)
    paged = _titles(results[:10]) + _titles(results[10:20]) + _titles(results[20:])
    assert results.count() == 25 and len(whole) == 25
    assert paged == whole and len(set(paged)) == 25
    assert results[5:15].count() == 10 and results[20:40].count() == 5


def test_an_annotated_score_keeps_the_ranking_of_the_plain_search(texts, home_page):
    # annotate_score() takes upstream's way (rows joined with their entries), with the same score expression.
    _page(home_page, "Доходы депутатов", "Сведения о доходах депутатов и их супругов.", "dokhody-deputatov")
    plain = _titles(Page.objects.live().search("сведения о доходах депутатов"))
    scored = list(Page.objects.live().search("сведения о доходах депутатов").annotate_score("relevance"))
    assert _titles(scored) == plain
    assert plain[:1] == ["Доходы депутатов"]
    assert all(isinstance(page.relevance, float) for page in scored)


def test_a_page_type_s_search_keeps_to_its_own_rows(texts, home_page):
    # A page type's queryset (the API's ?type=...&search=) is keyed by its page: its rows alone, drafts left out.
    from cms.pages.models import InformationPage

    draft = _page(home_page, "Сведения о доходах депутатов", "Черновик: доходы депутатов.", "chernovik")
    draft.unpublish()
    found = InformationPage.objects.live().search("сведения о доходах")
    assert _titles(found) == ["Сведения"]
    assert found.count() == 1
    assert _titles(InformationPage.objects.live().exclude(pk=texts["income"].pk).search("доходы")) == []


def test_the_count_and_the_first_page_cost_one_full_text_statement(many_matches):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = get_search_backend().search("субсидия", Page.objects.live())
    with CaptureQueriesContext(connection) as queries:
        assert results.count() == 25
        first = list(results[:10])
    assert len(first) == 10
    full_text = [query for query in queries.captured_queries if " MATCH " in query["sql"] or "@@" in query["sql"]]
    assert len(full_text) == 1, [query["sql"][:200] for query in full_text]
    if connection.vendor == "sqlite":
        # The MATCH must drive the join: an index on the entries first would rerun the MATCH per entry (seconds).
        steps = _plan(results)
        assert steps[0].startswith("SCAN wagtailsearch_indexentry_fts VIRTUAL TABLE"), steps
        # Each match's content type and object id come from the narrow keys index, not the entry's wide row.
        assert any("USING COVERING INDEX search_indexentry_keys" in step for step in steps), steps


def _plan(results) -> list[str]:
    from django.db import connection

    sql, params = results._statement(results._ranked())
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return [row[-1] for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the keys index is SQLite's")
def test_without_the_keys_index_searches_still_find_the_same(many_matches):
    from search.backends import sqlite

    backend = get_search_backend()
    expected = [page.pk for page in backend.search("субсидия", Page.objects.live())[:30]]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP INDEX "{sqlite.KEYS_INDEX}"')  # as a later migration rebuilding the table would
    sqlite._keys_index_found.clear()
    try:
        results = backend.search("субсидия", Page.objects.live())
        assert results.count() == 25
        assert [page.pk for page in results[:30]] == expected
        assert [page.pk for page in results[10:20]] == expected[10:20]
        assert not any("search_indexentry_keys" in step for step in _plan(results))
    finally:
        sqlite._keys_index_found.clear()


def test_object_ids_are_compared_as_numbers_only_for_integer_keys():
    from django.contrib.sessions.models import Session

    from cms.faq.models import FaqEntry
    from cms.pages.models import InformationPage
    from search.backends.common import integer_key

    assert integer_key(Page) and integer_key(InformationPage)  # a page type's key is its page's
    assert integer_key(FaqEntry)
    assert not integer_key(Session)  # a text key: compared as text, never cast
