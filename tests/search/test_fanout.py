"""The citizen search counts its sources side by side, each on a connection of its own, and shows exactly what it
shows with one source after another: the same results, nothing private, errors reported, no connections left open.

On SQLite the suite's database lives in memory, which other connections cannot share: there the search runs one
source after another, and these tests check that it does; the PostgreSQL run checks the side-by-side path.
"""

import threading
import time

import pytest
from bs4 import BeautifulSoup
from django.db import DatabaseError, connection, connections
from django.test import override_settings
from wagtail.models import PageViewRestriction

from search import fanout
from tests.conftest import add_information_page
from tests.faq.conftest import make_entry

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="side by side needs a database other connections share"
)


def _results(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml").select_one("main").get_text(" ", strip=True)


def _fanout_threads():
    return [thread for thread in threading.enumerate() if thread.name.startswith("search-fanout")]


@pytest.fixture
def budget_site(home_page):
    """Committed pages and FAQ answers about the budget, with a draft and a restricted page among them."""
    for number in range(12):
        add_information_page(
            home_page, f"Бюджет {number}", f"byudzhet-{number}", body=[("paragraph", "<p>Исполнение бюджета.</p>")]
        )
    draft = add_information_page(home_page, "Черновик бюджета", "chernovik", body=[("paragraph", "<p>бюджет</p>")])
    draft.unpublish()
    restricted = add_information_page(home_page, "Закрытая смета", "smeta", body=[("paragraph", "<p>бюджет</p>")])
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    make_entry("Где найти бюджет на год?", answer="<p>Бюджет опубликован в разделе «Бюджет».</p>")
    make_entry("Секретный вопрос о бюджете", answer="<p>Черновик ответа.</p>", live=False)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_side_by_side_shows_what_one_source_after_another_shows(client, budget_site):
    assert fanout.may_fan_out() is (connection.vendor == "postgresql")
    side_by_side = _results(client, "бюджетов")
    with override_settings(SEARCH_CONCURRENT_STATEMENTS=1):
        assert not fanout.may_fan_out()
        one_after_another = _results(client, "бюджетов")
    assert side_by_side == one_after_another
    assert "Найдено 12 страниц." in side_by_side
    assert "Где найти бюджет на год?" in side_by_side
    for private in ("Черновик бюджета", "Закрытая смета", "Секретный вопрос"):
        assert private not in side_by_side


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_other_sources_are_counted_on_the_workers_connections(client, budget_site):
    fanout.close_connections()
    _results(client, "бюджет")
    assert _fanout_threads(), "no worker ran a source"


@pytest.mark.django_db
def test_inside_a_transaction_the_search_sees_its_own_rows(client, home_page):
    # Other connections would not see rows this transaction has not committed: the search stays on its own.
    add_information_page(home_page, "Смета расходов", "smeta", body=[("paragraph", "<p>Смета на год.</p>")])
    make_entry("Где опубликована смета?", answer="<p>Смета опубликована в разделе «Бюджет».</p>")
    assert connection.in_atomic_block
    found = _results(client, "сметы")
    assert "Найдена 1 страница." in found
    assert "Найден 1 ответ." in found
    assert not fanout.may_fan_out()


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_error_on_a_worker_reaches_the_caller_after_every_call_ended():
    ended = []

    def broken():
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table")

    with pytest.raises(DatabaseError):
        fanout.side_by_side([_select(1, ended=ended), broken, _select(3, pause=0.2, ended=ended)])
    assert sorted(ended) == [1, 3]
    # The worker whose statement failed still serves the next search.
    assert fanout.side_by_side([_select(4), _select(5), _select(6), _select(7)]) == [4, 5, 6, 7]


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_keep_a_connection_each_and_close_them_on_request(client, budget_site):
    def open_connections() -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
            return {row[0] for row in cursor.fetchall()}

    fanout.close_connections()
    before = open_connections()
    for _ in range(6):
        _results(client, "бюджет")
    workers = open_connections() - before  # sessions that others close meanwhile are not the workers'
    assert 1 <= len(workers) <= fanout.concurrency() - 1
    fanout.close_connections()
    deadline = time.monotonic() + 5  # a closed connection's server process ends a moment later
    while open_connections() & workers and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not open_connections() & workers
    assert not _fanout_threads()


def _select(value, *, pause=0.0, ended=None):
    """A call for ``side_by_side`` that selects ``value`` on its thread's connection (after ``pause`` seconds)."""

    def call():
        time.sleep(pause)
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT %s", [value])
            if ended is not None:
                ended.append(value)
            return cursor.fetchone()[0]

    return call


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_search_does_not_wait_for_workers_busy_with_other_searches():
    release = threading.Event()

    def slow_source():
        assert release.wait(timeout=30)
        return "slow"

    def other_search():  # another search, occupying every worker until released
        try:
            fanout.side_by_side([_select(0)] + [slow_source] * (fanout.concurrency() - 1))
        finally:
            connections.close_all()  # this thread's own: a thread's end does not close it

    other = threading.Thread(target=other_search)
    other.start()
    try:
        time.sleep(0.2)
        started = time.monotonic()
        assert fanout.side_by_side([_select(1), _select(2), _select(3)]) == [1, 2, 3]
        assert time.monotonic() - started < 5
    finally:
        release.set()
        other.join(timeout=30)


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_runs_nested_calls_itself():
    def slow_first():
        time.sleep(0.3)  # the second call is taken by a worker meanwhile
        return "first"

    def nested():
        return fanout.may_fan_out(), fanout.side_by_side([_select(1), _select(2)])

    assert fanout.side_by_side([slow_first, nested]) == ["first", (False, [1, 2])]
