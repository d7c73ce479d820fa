"""The link findings inside Wagtail's checks (the userbar's «Checks», the editor's checks panel) and the banner."""

import json
import re

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from cms.linkcheck.components import css_string
from cms.linkcheck.models import LinkFinding
from cms.linkcheck.runner import run_check

PAGE_HTML = (
    '<p><a href="/gone/">Положение о совете</a> и снова <a href="/gone/">Положение о совете</a>,'
    ' <a href="/target/">здесь</a>, <a href="/target/#nowhere">Состав</a>, <a href="/">Главная</a>,'
    ' <a href="mailto:not-an-address">Почта</a></p>'
)


def axe_configuration(html):
    """The configuration Wagtail's content checker hands to axe (the userbar's or the checks panel's)."""
    match = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no content checker on the page"
    return json.loads(match.group(1))


def linkcheck_rules(config):
    return [rule for rule in config["spec"]["rules"] if rule["id"].startswith("linkcheck-")]


def banner_count(html):
    match = re.search(r"Проверка ссылок нашла на этой странице (\d+) проблем", html)
    assert match, "no link banner"
    return int(match.group(1))


def page_with_findings(make_page):
    make_page('<p id="here">Цель</p>', slug="target")
    page = make_page(PAGE_HTML, slug="council")
    run_check(external=False)
    return page


def test_the_checks_on_the_live_page_mark_every_problem_link_the_banner_counts(client, admin_user, make_page):
    page = page_with_findings(make_page)
    client.force_login(admin_user)
    live = client.get("/council/", HTTP_HOST="localhost").content.decode()
    config = axe_configuration(live)
    rules = linkcheck_rules(config)
    assert rules, "the link findings are not among the checks"
    # axe reports each element a rule's selector picks (Wagtail counts nodes): count them on the page itself.
    soup = BeautifulSoup(live, "lxml")
    marked = sum(len(soup.select(rule["selector"])) for rule in rules)
    banner = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    findings = LinkFinding.objects.open().filter(page=page)
    assert banner_count(banner) == marked == sum(f.occurrences for f in findings) == 5
    assert findings.get(url="/gone/").occurrences == 2  # one finding, shown twice on the page
    assert all(a.get_text() != "Главная" for rule in rules for a in soup.select(rule["selector"]))  # a fine link
    # Every rule runs (runOnly names them) and reports through axe's own «matches» check, no JavaScript of ours.
    assert {rule["id"] for rule in rules} <= set(config["options"]["runOnly"])
    check = {"id": "linkcheck-finding", "evaluate": "matches-definition-evaluate", "options": {"matcher": "*"}}
    assert check in config["spec"]["checks"]
    assert all(rule["none"] == ["linkcheck-finding"] and rule["enabled"] for rule in rules)
    # The names say the kind and the reason in Russian; the help says how to fix it.
    names = {config["messages"][rule["id"]]["error_name"] for rule in rules}
    assert "Битая ссылка: страница не найдена или не опубликована" in names
    assert "Битая ссылка: на целевой странице нет элемента с id «nowhere»" in names
    assert any(name.startswith("Неоднозначный текст ссылки") for name in names)


def test_the_editors_checks_panel_carries_the_same_rules(client, admin_user, make_page):
    page = page_with_findings(make_page)
    client.force_login(admin_user)
    live_rules = linkcheck_rules(axe_configuration(client.get("/council/", HTTP_HOST="localhost").content.decode()))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert linkcheck_rules(axe_configuration(edit)) == live_rules


def test_the_banner_links_to_the_report_with_a_meaningful_text(client, admin_user, make_page):
    page = page_with_findings(make_page)
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    soup = BeautifulSoup(html, "lxml")
    report_links = [a for a in soup.select("a[href]") if f"page={page.pk}" in a["href"]]
    assert [a.get_text(" ", strip=True) for a in report_links] == ["Проблемы ссылок этой страницы в отчёте"]
    assert "Подробнее" not in {a.get_text(strip=True) for a in report_links}


def test_no_findings_in_the_checks_of_visitors_and_of_those_who_may_not_edit(client, make_page, make_unit, make_editor):
    page_with_findings(make_page)
    assert "checker-axe-configuration" not in client.get("/council/", HTTP_HOST="localhost").content.decode()
    target = Page.objects.get(slug="target")
    outsider = make_editor(make_unit("Другой отдел"), "outsider", root=target)  # may not edit /council/
    client.force_login(outsider)
    html = client.get("/council/", HTTP_HOST="localhost").content.decode()
    assert linkcheck_rules(axe_configuration(html)) == []


def test_a_page_without_findings_keeps_wagtails_checks_as_they_are(client, admin_user, make_page):
    make_page('<p><a href="/">Главная страница</a></p>', slug="clean")
    run_check(external=False)
    client.force_login(admin_user)
    config = axe_configuration(client.get("/clean/", HTTP_HOST="localhost").content.decode())
    assert linkcheck_rules(config) == []
    assert "link-name" in config["options"]["runOnly"]


def test_css_string_escapes_quotes_and_backslashes():
    assert css_string('/a"b\\c') == '"/a\\"b\\\\c"'
    soup = BeautifulSoup('<main><a href="/a&quot;b">x</a><a href="/ab">y</a></main>', "lxml")
    assert [a.text for a in soup.select(f"main a[href={css_string('/a' + chr(34) + 'b')}]")] == ["x"]
