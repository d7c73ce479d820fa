"""Blocked, unreachable and broken are different findings, explained in Russian wherever an editor meets them."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from cms.linkcheck import verdicts
from cms.linkcheck.components import OpenFindingsPanel
from cms.linkcheck.models import LinkFinding
from cms.linkcheck.runner import run_check
from cms.linkcheck.status import Reason, UrlResult, UrlStatus

LATIN_WORD = re.compile(r"\b(?!HTTP\b)[A-Za-z]{3,}\b")  # an English word (HTTP codes and host names aside)


def without_hosts(text):
    return re.sub(r"«[^»]*»", "«»", text)


@pytest.fixture
def three_kinds(make_page, http_server, linkcheck_settings):
    """A page whose links are broken (404), unreachable (refused, no such host) and blocked (a private address)."""
    linkcheck_settings.LINKCHECK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    urls = {
        "broken": http_server.url("/missing"),
        "refused": "http://127.0.0.1:9/",
        "no-host": "http://no-such-host.invalid/page",
        "blocked": "http://10.255.255.1/secret",
    }
    page = make_page("<p>" + " ".join(f'<a href="{url}">Ссылка {name}</a>' for name, url in urls.items()) + "</p>")
    return page, urls


def test_each_kind_is_its_own_finding_with_a_russian_reason(three_kinds):
    page, urls = three_kinds
    run_check(page_ids=[page.id])
    findings = {f.url: f for f in LinkFinding.objects.open().filter(page=page)}
    assert findings[urls["broken"]].rule == "broken-link"
    assert findings[urls["refused"]].rule == "unreachable-link"
    assert findings[urls["no-host"]].rule == "unreachable-link"
    assert findings[urls["blocked"]].rule == "blocked-link"
    assert findings[urls["broken"]].message == "сайт отвечает, что такой страницы нет (HTTP 404)"
    assert findings[urls["refused"]].message == "сервер «127.0.0.1» не принимает соединения"
    assert (
        findings[urls["no-host"]].message
        == "сайта с именем «no-such-host.invalid» нет: такое имя в интернете не найдено"
    )
    assert findings[urls["blocked"]].message == "«10.255.255.1» — адрес внутренней (частной) сети"
    titles = {f.rule_title for f in findings.values()}
    assert titles == {"Битая ссылка", "Сайт недоступен", "Ссылка во внутреннюю сеть"}
    for finding in findings.values():
        assert not LATIN_WORD.search(without_hosts(finding.message)), finding.message


def test_report_panel_and_banner_name_the_three_kinds(client, admin_user, three_kinds, rf):
    page, _urls = three_kinds
    run_check(page_ids=[page.id])
    client.force_login(admin_user)
    report = client.get(reverse("linkcheck:report"), {"page": page.pk}).content.decode()
    for text in ("Битая ссылка", "Сайт недоступен", "Ссылка во внутреннюю сеть", "не принимает соединения"):
        assert text in report
    banner = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Сайт недоступен: «Ссылка refused»" in banner and "Ссылка во внутреннюю сеть: «Ссылка blocked»" in banner
    request = rf.get("/admin/")
    request.user = admin_user
    with translation.override("ru"):
        panel = OpenFindingsPanel(request).render_html({})
    assert "Сайт недоступен" in panel and "Ссылка во внутреннюю сеть" in panel and "Битая ссылка" in panel


def test_check_links_prints_the_reason_beside_each_problem_link(three_kinds):
    _page, urls = three_kinds
    out = StringIO()
    call_command("check_links", "--list-broken", stdout=out, stderr=StringIO())
    lines = out.getvalue().splitlines()
    assert f"Битая ссылка: {urls['broken']} — сайт отвечает, что такой страницы нет (HTTP 404) [/p1/]" in lines
    assert f"Сайт недоступен: {urls['refused']} — сервер «127.0.0.1» не принимает соединения [/p1/]" in lines
    assert any(line.startswith(f"Ссылка во внутреннюю сеть: {urls['blocked']} — ") for line in lines)
    assert "problem targets: 4" in lines[-1]


@pytest.mark.parametrize("reason", [r for r in Reason if r != Reason.NONE])
def test_every_reason_has_a_russian_sentence(reason):
    result = UrlResult("https://example.org/a", UrlStatus.UNREACHABLE, 404, reason)
    with translation.override("ru"):
        text = verdicts.explain(result)
    assert text and not LATIN_WORD.search(without_hosts(text)), text


@pytest.mark.parametrize(
    ("code", "expected"), [(404, "такой страницы нет"), (403, "закрывает доступ"), (502, "сервер")]
)
def test_http_errors_are_told_apart(code, expected):
    with translation.override("ru"):
        assert expected in verdicts.explain(UrlResult("https://e.org/", UrlStatus.BROKEN, code, Reason.HTTP_ERROR))


def test_a_page_that_fails_to_render_shows_no_exception_text(make_page, linkcheck_settings, monkeypatch):
    page = make_page("<p>Текст</p>")

    def fail(*args, **kwargs):
        raise ValueError("Invalid block definition: KeyError 'body'")

    monkeypatch.setattr("cms.linkcheck.runner.render_page", fail)
    run_check(page_ids=[page.id], external=False)
    finding = LinkFinding.objects.get(page=page, rule="render-error")
    assert finding.message.startswith("Страница не отображается: при её выводе произошла ошибка")
    assert "KeyError" not in finding.message and not LATIN_WORD.search(finding.message)
