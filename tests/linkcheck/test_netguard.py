"""The address guard and the fetching child process."""

import time

import pytest

from cms.linkcheck.conf import HttpOptions, parse_networks
from cms.linkcheck.fetchproc import ProcessChecker
from cms.linkcheck.netguard import is_forbidden
from cms.linkcheck.status import UrlStatus


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",  # noqa: S104 -- an address to refuse, nothing binds to it
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
    ],
)
def test_internal_addresses_are_forbidden(address):
    assert is_forbidden(address, ())


@pytest.mark.parametrize("address", ["93.184.216.34", "2a00:1450:4010:c05::71"])
def test_public_addresses_are_allowed(address):
    assert not is_forbidden(address, ())


def test_allow_list_opens_only_its_networks():
    allowed = parse_networks("127.0.0.0/8, 10.1.0.0/16")
    assert not is_forbidden("127.0.0.5", allowed)
    assert not is_forbidden("10.1.2.3", allowed)
    assert is_forbidden("10.2.0.1", allowed)
    assert is_forbidden("::1", allowed)  # an IPv4 allow-list does not open IPv6 loopback


def test_allow_list_from_a_list_setting():
    assert [str(n) for n in parse_networks(["127.0.0.1/32", " "])] == ["127.0.0.1/32"]


def test_process_checker_streams_urls_and_returns_results(http_server, linkcheck_settings):
    checker = ProcessChecker(HttpOptions.from_settings())
    checker.submit([http_server.url("/ok")])
    checker.submit([http_server.url("/missing"), http_server.url("/ok")])
    results = checker.finish()
    assert {url: r.status for url, r in results.items()} == {
        http_server.url("/ok"): UrlStatus.OK,
        http_server.url("/missing"): UrlStatus.BROKEN,
    }


def test_a_dead_fetching_process_costs_the_results_not_the_run(http_server, linkcheck_settings):
    linkcheck_settings.LINKCHECK_TIMEOUT = 30
    checker = ProcessChecker(HttpOptions.from_settings())
    checker.submit([http_server.url("/hang")])
    time.sleep(0.5)
    checker.process.kill()
    started = time.monotonic()
    assert checker.finish() == {}
    assert time.monotonic() - started < 5
