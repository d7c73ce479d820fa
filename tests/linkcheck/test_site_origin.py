"""The site's own host name on another port or scheme is another server: its links are checked as external."""

import pytest

from cms.linkcheck.internal import SiteIndex
from cms.linkcheck.models import LinkFinding
from cms.linkcheck.runner import run_check
from cms.linkcheck.targets import Kind


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        ("http://localhost/p1/", Kind.INTERNAL),
        ("http://localhost:80/p1/", Kind.INTERNAL),
        ("//localhost/p1/", Kind.EXTERNAL),  # a protocol-relative link is read as https, which the site is not
        ("http://localhost:9/", Kind.EXTERNAL),
        ("https://localhost/p1/", Kind.EXTERNAL),
        ("https://localhost:8443/p1/", Kind.EXTERNAL),
        ("http://LOCALHOST/p1/#part", Kind.INTERNAL),
        ("http://localhost:99999/", Kind.EXTERNAL),
    ],
)
def test_only_the_sites_own_scheme_host_and_port_are_internal(home_page, href, kind):
    assert SiteIndex().classify(href, "/").kind == kind


def test_the_canonical_base_url_is_the_site_too(home_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://localhost"  # served over TLS behind a proxy; the Site says port 80
    index = SiteIndex()
    assert index.classify("https://localhost/p1/", "/").kind == Kind.INTERNAL
    assert index.classify("https://localhost:8443/p1/", "/").kind == Kind.EXTERNAL


def test_own_host_on_another_port_is_reported_when_nothing_answers(make_page, linkcheck_settings):
    page = make_page('<p><a href="http://localhost:9/">Старый адрес</a> <a href="http://localhost/">Главная</a></p>')
    run_check(page_ids=[page.id])
    findings = {f.url: f.rule for f in LinkFinding.objects.open().filter(page=page)}
    assert findings == {"http://localhost:9/": "unreachable-link"}


def test_own_host_on_another_port_is_refused_by_the_guard_unless_allow_listed(make_page, linkcheck_settings):
    linkcheck_settings.LINKCHECK_ALLOWED_NETWORKS = []
    page = make_page('<p><a href="http://localhost:9/">Старый адрес</a></p>')
    run_check(page_ids=[page.id])
    assert LinkFinding.objects.open().get(page=page).rule == "blocked-link"
