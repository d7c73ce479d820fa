"""External checking against real HTTP servers on loopback addresses."""

import time

import pytest

from cms.linkcheck.conf import HttpOptions
from cms.linkcheck.external import parse_retry_after
from cms.linkcheck.fetching import check_urls
from cms.linkcheck.status import Reason, UrlStatus


@pytest.fixture
def options(linkcheck_settings):
    return HttpOptions.from_settings()


def check_one(url, options):
    return check_urls([url], options)[url]


def test_working_missing_and_failing_urls(http_server, options):
    urls = [http_server.url(p) for p in ("/ok", "/missing", "/error")]
    results = check_urls(urls, options)
    assert [results[u].status for u in urls] == [UrlStatus.OK, UrlStatus.BROKEN, UrlStatus.BROKEN]
    assert [results[u].http_status for u in urls] == [200, 404, 500]


def test_each_url_is_requested_once_per_run(http_server, options):
    url = http_server.url("/ok")
    check_urls([url, url, url], options)
    assert http_server.requests == [("HEAD", "/ok")]


def test_slow_server_within_the_timeout_works(http_server, options):
    assert check_one(http_server.url("/slow?s=0.5"), options).status == UrlStatus.OK


def test_hanging_server_times_out_quickly(http_server, options):
    started = time.monotonic()
    result = check_one(http_server.url("/hang"), options)
    assert (result.status, result.reason) == (UrlStatus.UNREACHABLE, Reason.TIMEOUT)
    assert time.monotonic() - started < options.timeout + 1.5


def test_redirect_chain_is_followed_to_its_end(http_server, options):
    result = check_one(http_server.url("/chain/3"), options)
    assert result.status == UrlStatus.OK
    assert result.final_url == http_server.url("/ok")


def test_too_many_redirects(http_server, options):
    result = check_one(http_server.url("/chain/11"), options)
    assert (result.status, result.reason) == (UrlStatus.BROKEN, Reason.TOO_MANY_REDIRECTS)
    assert check_one(http_server.url("/chain/9"), options).status == UrlStatus.OK


def test_redirect_loop_is_detected(http_server, options):
    result = check_one(http_server.url("/loop/a"), options)
    assert (result.status, result.reason) == (UrlStatus.BROKEN, Reason.REDIRECT_LOOP)
    assert len(http_server.requests) == 2


def test_429_is_retried_after_retry_after(http_server, options):
    started = time.monotonic()
    result = check_one(http_server.url("/retry?fail=1&after=1"), options)
    assert result.status == UrlStatus.OK
    assert [m for m, _ in http_server.requests] == ["HEAD", "HEAD"]
    assert time.monotonic() - started >= 0.9  # Retry-After was honoured


def test_429_that_never_ends_is_reported_after_the_retries(http_server, options):
    result = check_one(http_server.url("/retry?fail=99&after=0"), options)
    assert result.status == UrlStatus.BROKEN
    assert result.http_status == 429
    assert len(http_server.requests) == options.retries + 1


def test_head_refused_falls_back_to_get(http_server, options):
    result = check_one(http_server.url("/head-refused"), options)
    assert result.status == UrlStatus.OK
    assert [m for m, _ in http_server.requests] == ["HEAD", "GET"]


def test_huge_body_is_not_read(http_server, options):
    started = time.monotonic()
    result = check_one(http_server.url("/huge"), options)
    assert result.status == UrlStatus.OK
    assert time.monotonic() - started < 3
    time.sleep(0.2)  # let the server notice the closed connection
    assert http_server.bytes_sent.get("/huge", 0) < 64 * 1024 * 1024  # a small part of the 1 GB


def test_loopback_is_refused_unless_allow_listed(http_server, linkcheck_settings):
    linkcheck_settings.LINKCHECK_ALLOWED_NETWORKS = []
    result = check_one(http_server.url("/ok"), HttpOptions.from_settings())
    assert result.status == UrlStatus.BLOCKED
    assert http_server.requests == []


def test_localhost_name_is_refused_after_resolving(http_server, linkcheck_settings):
    linkcheck_settings.LINKCHECK_ALLOWED_NETWORKS = []
    port = http_server.server_address[1]
    result = check_one(f"http://localhost:{port}/ok", HttpOptions.from_settings())
    assert result.status == UrlStatus.BLOCKED
    assert http_server.requests == []


def test_redirect_to_a_private_address_is_refused_before_connecting(
    http_server, second_loopback_server, linkcheck_settings
):
    linkcheck_settings.LINKCHECK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    options = HttpOptions.from_settings()
    to_second = http_server.url("/redirect?to=" + second_loopback_server.url("/ok"))
    to_private = http_server.url("/redirect?to=http://10.0.0.1/secret")
    results = check_urls([to_second, to_private], options)
    assert results[to_second].status == UrlStatus.BLOCKED
    assert results[to_private].status == UrlStatus.BLOCKED
    assert second_loopback_server.requests == []


def test_run_budget_reports_the_rest_as_not_checked(http_server, linkcheck_settings):
    linkcheck_settings.LINKCHECK_TIMEOUT = 30
    linkcheck_settings.LINKCHECK_RUN_BUDGET = 1
    options = HttpOptions.from_settings()
    urls = [http_server.url("/hang?n=1"), http_server.url("/ok")]
    started = time.monotonic()
    results = check_urls(urls, options)
    assert time.monotonic() - started < 3
    assert results[urls[0]].status == UrlStatus.UNCHECKED
    assert results[urls[1]].status == UrlStatus.OK


def test_per_host_concurrency_is_bounded(http_server, linkcheck_settings):
    linkcheck_settings.LINKCHECK_MAX_PER_HOST = 2
    options = HttpOptions.from_settings()
    urls = [http_server.url(f"/slow?s=0.3&n={n}") for n in range(6)]
    started = time.monotonic()
    results = check_urls(urls, options)
    assert all(r.status == UrlStatus.OK for r in results.values())
    assert time.monotonic() - started >= 0.85  # 6 requests, 2 at a time, 0.3 s each


def test_host_interval_spaces_request_starts(http_server, linkcheck_settings):
    linkcheck_settings.LINKCHECK_HOST_INTERVAL = 0.2
    options = HttpOptions.from_settings()
    urls = [http_server.url(f"/ok?n={n}") for n in range(4)]
    started = time.monotonic()
    check_urls(urls, options)
    assert time.monotonic() - started >= 0.55


def test_connection_refused_is_unreachable(options):
    result = check_one("http://127.0.0.1:9/", options)
    assert (result.status, result.reason) == (UrlStatus.UNREACHABLE, Reason.REFUSED)


@pytest.mark.parametrize(("value", "expected"), [("3", 3.0), ("", None), ("soon", None)])
def test_parse_retry_after(value, expected):
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date():
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
