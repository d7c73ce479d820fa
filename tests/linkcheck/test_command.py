"""manage.py check_links and the check after publishing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cms.linkcheck.conf import HttpOptions
from cms.linkcheck.external import BackgroundChecker
from cms.linkcheck.fetching import start_fetcher
from cms.linkcheck.fetchproc import ProcessChecker
from cms.linkcheck.models import CheckRun, LinkFinding, UrlCheck


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("check_links", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_full_run_stores_findings_and_prints_a_summary(make_page, http_server, linkcheck_settings):
    page = make_page(
        f'<p><a href="{http_server.url("/ok")}">Работает</a> <a href="{http_server.url("/missing")}">Нет</a>'
        ' <a href="/no-such-page/">Внутренняя</a> <a href="/">Главная</a></p>'
    )
    out, _err = run("--list-broken")
    broken = set(LinkFinding.objects.filter(page=page, rule="broken-link").values_list("url", flat=True))
    assert broken == {http_server.url("/missing"), "/no-such-page/"}
    assert "problem targets: 2" in out and "findings new: 2" in out
    # Each problem link with its kind and the reason, in Russian, before the summary line.
    assert f"Битая ссылка: {http_server.url('/missing')} — сайт отвечает, что такой страницы нет (HTTP 404)" in out
    assert "Битая ссылка: /no-such-page/ — страница не найдена или не опубликована" in out
    assert out.strip().splitlines()[-1].startswith("Pages: ")
    run_row = CheckRun.objects.get()
    assert (run_row.mode, run_row.broken_links, run_row.urls_fetched) == ("full", 2, 2)


def test_progress_bar_goes_to_stderr(make_page, linkcheck_settings):
    make_page('<p><a href="/">Главная</a></p>')
    _out, err = run("--progress", "--no-external")
    assert "Rendering pages: 2/2" in err


def test_page_option_checks_only_that_page(make_page, linkcheck_settings):
    one = make_page('<p><a href="/x/">Нет</a></p>')
    other = make_page('<p><a href="/y/">Нет</a></p>')
    out, _ = run("--page", str(one.id), "--no-external")
    assert "Pages: 1," in out
    assert LinkFinding.objects.filter(page=one).exists()
    assert not LinkFinding.objects.filter(page=other).exists()


def test_unknown_page_is_a_clear_error(db, home_page):
    with pytest.raises(CommandError, match="No live page with id 999999"):
        run("--page", "999999")


def test_changed_since(make_page, linkcheck_settings):
    page = make_page('<p><a href="/x/">Нет</a></p>')
    out, _ = run("--changed-since", "2999-01-01", "--no-external")
    assert "Pages: 0," in out
    out, _ = run("--changed-since", "2000-01-01", "--no-external")
    assert "Pages: 1," in out  # the home page was never published through a revision
    assert LinkFinding.objects.filter(page=page).exists()


def test_bad_date_is_a_clear_error(db):
    with pytest.raises(CommandError, match="is not a date"):
        run("--changed-since", "yesterday")


def test_options_that_exclude_each_other(db):
    with pytest.raises(CommandError, match="only one of"):
        run("--page", "1", "--incremental")


def test_no_external_sends_no_request(make_page, http_server, linkcheck_settings):
    make_page(f'<p><a href="{http_server.url("/missing")}">Нет</a></p>')
    run("--no-external")
    assert http_server.requests == []
    assert not LinkFinding.objects.filter(rule="broken-link").exists()


def test_dry_run_stores_nothing(make_page, http_server, linkcheck_settings):
    make_page(f'<p><a href="{http_server.url("/missing")}">здесь</a></p>')
    out, _ = run("--dry-run")
    assert "dry run" in out and "problem targets: 1" in out
    assert not LinkFinding.objects.exists()
    assert not UrlCheck.objects.exists()
    assert not CheckRun.objects.exists()


def test_incremental_run_of_an_unchanged_site_checks_nothing(make_page, http_server, linkcheck_settings):
    make_page(f'<p><a href="{http_server.url("/ok")}">Работает</a></p>')
    run()
    out, _ = run("--incremental")
    assert "Pages: 0," in out
    assert len(http_server.requests) == 1


def test_publishing_checks_the_page_when_switched_on(
    make_page, http_server, linkcheck_settings, django_capture_on_commit_callbacks
):
    linkcheck_settings.LINKCHECK_ON_PUBLISH = True
    with django_capture_on_commit_callbacks(execute=True):
        page = make_page(f'<p><a href="{http_server.url("/missing")}">Отчёт</a></p>')
    assert LinkFinding.objects.filter(page=page, rule="broken-link").exists()
    assert CheckRun.objects.get().mode == "pages"


def test_publishing_does_nothing_when_switched_off(
    make_page, http_server, linkcheck_settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_page(f'<p><a href="{http_server.url("/missing")}">Отчёт</a></p>')
    assert http_server.requests == []
    assert not CheckRun.objects.exists()


def test_fetching_in_a_thread_gives_the_same_findings(make_page, http_server, linkcheck_settings):
    linkcheck_settings.LINKCHECK_FETCH_IN_SUBPROCESS = False
    page = make_page(
        f'<p><a href="{http_server.url("/error")}">Ошибка</a> <a href="{http_server.url("/ok")}">Да</a></p>'
    )
    out, _ = run()
    assert "problem targets: 1" in out
    assert LinkFinding.objects.get(page=page, rule="broken-link").url == http_server.url("/error")


@pytest.mark.parametrize(("pages", "kind"), [(1, BackgroundChecker), (49, BackgroundChecker), (50, ProcessChecker)])
def test_only_runs_of_many_pages_start_a_fetching_process(db, linkcheck_settings, pages, kind):
    linkcheck_settings.LINKCHECK_SUBPROCESS_MIN_PAGES = 50
    fetcher = start_fetcher(HttpOptions.from_settings(), pages=pages)
    try:
        assert type(fetcher) is kind
    finally:
        fetcher.finish()
