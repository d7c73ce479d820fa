"""The findings reach their owners: report with filters and export, dashboard panel, edit-page note, digest."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from cms.linkcheck.components import OpenFindingsPanel
from cms.linkcheck.digest import open_findings_section
from cms.linkcheck.models import LinkFinding, Severity
from cms.ownership.digest import registered_providers

REPORT = "linkcheck:report"


def add_finding(page, rule="broken-link", severity=Severity.ERROR, url="/nowhere/", text="Отчёт", resolved=False):
    now = timezone.now()
    return LinkFinding.objects.create(
        page=page,
        owner_unit_id=getattr(page, "owner_unit_id", None),
        key=f"{rule}{url}{text}{LinkFinding.objects.count()}",
        url=url,
        link_text=text,
        rule=rule,
        severity=severity,
        first_seen=now,
        last_seen=now,
        resolved_at=now if resolved else None,
    )


@pytest.fixture
def routed(make_page, make_unit, make_editor):
    council, lawyer = make_unit("Совет депутатов"), make_unit("Юрисконсульт")
    council_page = make_page("<p>Совет</p>", title="Состав совета", owner_unit=council)
    lawyer_page = make_page("<p>Право</p>", title="Правовые акты", owner_unit=lawyer)
    add_finding(council_page, url="/council-missing/")
    add_finding(council_page, rule="ambiguous-text", severity=Severity.WARNING, url="/a/", text="здесь")
    add_finding(lawyer_page, url="/lawyer-missing/")
    add_finding(lawyer_page, url="/fixed/", resolved=True)
    return {
        "council": council,
        "lawyer": lawyer,
        "council_editor": make_editor(council, "council"),
        "lawyer_editor": make_editor(lawyer, "lawyer"),
        "council_page": council_page,
        "lawyer_page": lawyer_page,
    }


def report_urls(client, **params):
    response = client.get(reverse(REPORT), params)
    assert response.status_code == 200
    return {f.url for f in response.context["object_list"]}


def test_report_filters_by_unit_rule_severity_and_status(client, admin_user, routed):
    client.force_login(admin_user)
    assert report_urls(client) == {"/council-missing/", "/a/", "/lawyer-missing/", "/fixed/"}
    assert report_urls(client, owner_unit=routed["council"].pk) == {"/council-missing/", "/a/"}
    assert report_urls(client, rule="ambiguous-text") == {"/a/"}
    assert report_urls(client, severity="error", status="open") == {"/council-missing/", "/lawyer-missing/"}
    assert report_urls(client, status="resolved") == {"/fixed/"}
    assert report_urls(client, page=routed["lawyer_page"].pk) == {"/lawyer-missing/", "/fixed/"}


def test_report_is_in_russian_with_the_rule_titles(client, admin_user, routed, make_page):
    add_finding(make_page("<p>Без владельца</p>", title="Ничья страница"), url="/unowned/")
    client.force_login(admin_user)
    html = client.get(reverse(REPORT)).content.decode()
    assert not re.search(r">\s*None\s*<", html)  # a finding without an owner unit shows a dash
    assert "Проверка ссылок" in html
    assert "Неоднозначный текст ссылки" in html


def test_report_exports_csv_and_xlsx(client, admin_user, routed):
    client.force_login(admin_user)
    csv = client.get(reverse(REPORT), {"export": "csv", "owner_unit": routed["lawyer"].pk})
    body = b"".join(csv.streaming_content).decode("utf-8")
    assert "/lawyer-missing/" in body and "/council-missing/" not in body
    assert "Правовые акты" in body
    xlsx = client.get(reverse(REPORT), {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_editors_see_only_pages_they_may_edit(client, routed, make_unit, make_editor):
    narrow = make_editor(make_unit("Узкий отдел"), "narrow", root=routed["lawyer_page"])
    client.force_login(narrow)
    assert report_urls(client) == {"/lawyer-missing/", "/fixed/"}


@pytest.mark.parametrize("size", [5, 50])
def test_report_query_count_does_not_grow(client, admin_user, make_page, make_unit, size, django_assert_num_queries):
    unit = make_unit("Администрация")
    for n in range(size):
        page = make_page("<p>x</p>", title=f"Страница {n}", owner_unit=unit)
        add_finding(page, url=f"/missing-{n}/")
    client.force_login(admin_user)
    client.get(reverse(REPORT))  # warm caches (site, settings, content types)
    with django_assert_num_queries(QUERIES_PER_REPORT):
        client.get(reverse(REPORT))


QUERIES_PER_REPORT = 9


def panel_urls(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return [f.url for f in OpenFindingsPanel(request).get_context_data({})["findings"]]


def test_dashboard_panel_shows_the_users_units_findings(routed):
    assert panel_urls(routed["council_editor"]) == ["/council-missing/", "/a/"]  # errors first
    assert panel_urls(routed["lawyer_editor"]) == ["/lawyer-missing/"]  # resolved ones are gone


def test_dashboard_panel_on_the_admin_home(client, routed):
    client.force_login(routed["lawyer_editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Проблемы со ссылками на ваших страницах: 1" in html
    assert "Правовые акты" in html
    assert "Состав совета" not in html


@pytest.mark.parametrize("size", [3, 30])
def test_dashboard_panel_query_count(make_page, make_unit, make_editor, size, django_assert_num_queries):
    unit = make_unit("Администрация")
    editor = make_editor(unit, "editor")
    for n in range(size):
        add_finding(make_page("<p>x</p>", title=f"Страница {n}", owner_unit=unit), url=f"/m{n}/")
    request = RequestFactory().get("/admin/")
    request.user = editor
    with django_assert_num_queries(2):
        OpenFindingsPanel(request).get_context_data({})


def test_editing_a_page_shows_its_open_findings(client, admin_user, routed):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[routed["council_page"].pk])).content.decode()
    assert "Проверка ссылок нашла на этой странице 2 проблемы" in html
    assert "Битая ссылка: «Отчёт»" in html
    lawyer = client.get(reverse("wagtailadmin_pages:edit", args=[routed["lawyer_page"].pk])).content.decode()
    assert "нашла на этой странице 1 проблему" in lawyer  # the resolved finding is not counted


def test_digest_section_lists_the_open_findings_of_the_pages(routed):
    assert open_findings_section in registered_providers()
    section = open_findings_section(routed["council_editor"], [routed["council_page"], routed["lawyer_page"]])
    text = "\n".join(section.lines)
    assert "/council-missing/" in text and "/lawyer-missing/" in text and "/fixed/" not in text
    assert section.lines[0].startswith("Состав совета: Битая ссылка")
    assert "3" in section.title
    assert open_findings_section(routed["council_editor"], []) is None
