"""Findings: new -> still there -> resolved, routing to the owner unit, and incremental runs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.linkcheck.models import LinkFinding, PageCheckState, UrlCheck
from cms.linkcheck.runner import run_check
from cms.snippets.models import ResponsibleUnit


@pytest.fixture
def unit(db):
    return ResponsibleUnit.objects.create(name="Управление делами", slug="affairs")


def publish(page, intro):
    page.intro = intro
    page.save_revision().publish()


def test_new_then_still_there_then_resolved(make_page, http_server, linkcheck_settings):
    missing = http_server.url("/missing")
    page = make_page(f'<p><a href="{missing}">Отчёт</a> <a href="/">здесь</a></p>')

    run_check(page_ids=[page.id])
    first = {f.rule: f for f in LinkFinding.objects.filter(page=page)}
    assert set(first) == {"broken-link", "ambiguous-text"}
    assert all(f.is_open and f.first_seen == f.last_seen for f in first.values())

    run_check(page_ids=[page.id])
    again = {f.rule: f for f in LinkFinding.objects.filter(page=page)}
    assert {f.id for f in again.values()} == {f.id for f in first.values()}  # the same findings, not new ones
    assert all(again[r].last_seen > first[r].last_seen and again[r].first_seen == first[r].first_seen for r in again)

    publish(page, f'<p><a href="{missing}">Отчёт</a> <a href="/">Главная страница</a></p>')
    summary = run_check(page_ids=[page.id])
    assert summary.findings_resolved == 1
    ambiguous = LinkFinding.objects.get(page=page, rule="ambiguous-text")
    assert ambiguous.resolved_at is not None
    assert LinkFinding.objects.get(page=page, rule="broken-link").is_open


def test_a_problem_that_comes_back_is_a_new_finding(make_page, linkcheck_settings):
    page = make_page('<p><a href="/a/">здесь</a></p>')
    run_check(page_ids=[page.id], external=False)
    publish(page, "<p>Без ссылок</p>")
    run_check(page_ids=[page.id], external=False)
    publish(page, '<p><a href="/a/">здесь</a></p>')
    run_check(page_ids=[page.id], external=False)
    rows = LinkFinding.objects.filter(page=page, rule="ambiguous-text").order_by("id")
    assert [f.is_open for f in rows] == [False, True]


def test_findings_are_routed_to_the_owner_unit(make_page, unit, linkcheck_settings):
    owned = make_page('<p><a href="/nowhere/">Нет</a></p>', owner_unit=unit)
    unowned = make_page('<p><a href="/nowhere/">Нет</a></p>')
    run_check(external=False)
    assert LinkFinding.objects.get(page=owned).owner_unit == unit
    assert LinkFinding.objects.get(page=unowned).owner_unit is None
    other = ResponsibleUnit.objects.create(name="Совет депутатов", slug="council")
    owned.owner_unit = other
    owned.save_revision().publish()
    run_check(page_ids=[owned.id], external=False)
    assert LinkFinding.objects.get(page=owned).owner_unit == other  # routing follows the page's owner


def test_unchecked_urls_keep_their_findings(make_page, http_server, linkcheck_settings):
    missing = http_server.url("/missing")
    page = make_page(f'<p><a href="{missing}">Отчёт</a></p>')
    run_check(page_ids=[page.id])
    finding = LinkFinding.objects.get(page=page, rule="broken-link")
    run_check(page_ids=[page.id], external=False)  # external state unknown in this run
    finding.refresh_from_db()
    assert finding.is_open


def test_external_results_are_cached_across_runs(make_page, http_server, linkcheck_settings):
    page = make_page(f'<p><a href="{http_server.url("/ok")}">Работает</a></p>')
    run_check(page_ids=[page.id])
    run_check(page_ids=[page.id])
    assert len(http_server.requests) == 1
    UrlCheck.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    run_check(page_ids=[page.id])
    assert len(http_server.requests) == 2
    run_check(page_ids=[page.id], refresh=True)
    assert len(http_server.requests) == 3


def test_incremental_run_rechecks_only_changed_pages_and_expired_urls(make_page, http_server, linkcheck_settings):
    flaky = http_server.url("/retry?fail=0")
    stable = make_page(f'<p><a href="{http_server.url("/ok")}">Работает</a></p>', slug="stable")
    changed = make_page('<p><a href="/stable/">Стабильная</a></p>', slug="changed")
    linked = make_page('<p><a href="/changed/">Изменённая</a></p>', slug="linked")
    run_check()
    assert PageCheckState.objects.count() == 4  # the home page too
    requests_before = len(http_server.requests)

    summary = run_check(incremental=True)
    assert summary.pages == 0
    assert len(http_server.requests) == requests_before

    publish(changed, f'<p><a href="{flaky}">Новая ссылка</a></p>')
    summary = run_check(incremental=True)
    assert summary.pages == 1

    changed.unpublish()  # /changed/ disappears: the unchanged pages linking to it must be rechecked
    before = dict(PageCheckState.objects.values_list("page_id", "checked_at"))
    run_check(incremental=True)
    after = dict(PageCheckState.objects.values_list("page_id", "checked_at"))
    assert after[linked.id] > before[linked.id]
    assert after[stable.id] == before[stable.id]
    assert LinkFinding.objects.open().filter(page=linked, rule="broken-link").exists()

    UrlCheck.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    requests_before = len(http_server.requests)
    summary = run_check(incremental=True)
    assert len(http_server.requests) > requests_before  # the expired URL was fetched again
    assert summary.pages == 0  # its result did not change, so no page needed re-rendering
    assert stable.live


def test_incremental_run_skips_unchanged_pages_with_broken_fragments(make_page, linkcheck_settings):
    make_page('<p id="here">Цель</p>', slug="target")
    page = make_page('<p><a href="/target/#missing">Нет якоря</a> <a href="/gone/">Нет страницы</a></p>')
    run_check(external=False)
    assert LinkFinding.objects.open().filter(page=page, rule="broken-link").count() == 2
    summary = run_check(incremental=True, external=False)
    assert summary.pages == 0
    assert LinkFinding.objects.open().filter(page=page, rule="broken-link").count() == 2


def test_findings_of_an_unpublished_page_are_resolved(make_page, linkcheck_settings):
    page = make_page('<p><a href="/gone/">Нет страницы</a></p>')
    other = make_page("<p>Другая</p>")
    run_check(page_ids=[page.id], external=False)
    page.unpublish()
    summary = run_check(page_ids=[other.id], external=False)
    assert summary.findings_resolved == 1
    assert not LinkFinding.objects.open().filter(page=page).exists()
