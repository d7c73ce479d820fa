"""Report «Сроки актуализации»: columns, filters, exports and a query count independent of the page count."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cms.ownership.models import Ownership
from cms.ownership.rules import ReviewRule
from cms.pages.generate.bulk import GenerationOptions, generate_site
from cms.pages.models import InformationPage, RubricPage

pytestmark = pytest.mark.django_db

REPORT = "ownership:review_report"
# Session, user, profile, count, locale, explorable pages (2), units, content types, the page of rows.
REPORT_MAX_QUERIES = 11


def set_due(page, days_from_today):
    due = timezone.localdate() + timedelta(days=days_from_today)
    Ownership.objects.filter(page=page).update(review_due=due)


@pytest.fixture
def pages(make_page, make_unit, unit):
    other_unit = make_unit("Совет депутатов")
    overdue = make_page(title="Просроченная", owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    soon = make_page(title="Скоро срок", owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    current = make_page(title="Актуальная", owner_unit=other_unit, review_rule=ReviewRule.ANNUALLY)
    orphan = make_page(title="Без владельца")
    set_due(overdue, -3)
    set_due(soon, 5)
    set_due(current, 200)
    return {"overdue": overdue, "soon": soon, "current": current, "orphan": orphan, "other_unit": other_unit}


def titles(response):
    return [state.page.title for state in response.context["object_list"]]


def test_report_lists_every_owned_page_with_status(client, admin_user, pages):
    client.force_login(admin_user)
    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Сроки актуализации", "просрочено", "скоро срок", "актуально", "нет ответственного"):
        assert label in html
    assert {"Просроченная", "Скоро срок", "Актуальная", "Без владельца"} <= set(titles(response))


@pytest.mark.parametrize(
    ("status", "expected"),
    [("overdue", "Просроченная"), ("due_soon", "Скоро срок"), ("current", "Актуальная"), ("no_owner", "Без владельца")],
)
def test_filter_by_status(client, admin_user, pages, status, expected):
    client.force_login(admin_user)
    found = titles(client.get(reverse(REPORT), {"status": status}))
    assert expected in found
    others = {"Просроченная", "Скоро срок", "Актуальная", "Без владельца"} - {expected}
    assert not others & set(found)


def test_filter_by_unit_and_page_type(client, admin_user, pages, unit, home_page):
    client.force_login(admin_user)
    assert sorted(titles(client.get(reverse(REPORT), {"owner_unit": unit.pk}))) == ["Просроченная", "Скоро срок"]
    rubric = RubricPage(title="Рубрика", slug="rubrika", owner_unit=unit)
    home_page.add_child(instance=rubric)
    content_type = rubric.content_type_id
    assert titles(client.get(reverse(REPORT), {"content_type": content_type})) == ["Рубрика"]


def test_csv_export(client, admin_user, pages):
    client.force_login(admin_user)
    response = client.get(reverse(REPORT), {"export": "csv", "status": "overdue"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    header, *data = rows
    assert header[:7] == [
        "Страница или запись",
        "Ответственное подразделение",
        "Должностное лицо",
        "Правило актуализации",
        "Последняя проверка",
        "Срок",
        "Статус",
    ]
    assert [row[0] for row in data] == ["Просроченная"]
    assert data[0][5] == (timezone.localdate() - timedelta(days=3)).isoformat()
    assert data[0][6] == "просрочено"


def test_xlsx_export(client, admin_user, pages):
    client.force_login(admin_user)
    response = client.get(reverse(REPORT), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Страница или запись"
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["Без владельца"][6] == "нет ответственного"
    assert by_title["Скоро срок"][3] == "Ежеквартально (до конца квартала)"


def test_editor_sees_what_they_answer_for_and_what_they_can_edit(client, make_page, make_unit, make_editor):
    unit, other_unit = make_unit("Юрисконсульт"), make_unit("Экономист")
    editor = make_editor(unit)
    make_page(title="Своя")  # in the editor's editable subtree, no owner yet
    # Pages outside the editor's permitted subtree: a sibling tree under the root.
    from wagtail.models import Page

    root = Page.get_first_root_node()
    answered = InformationPage(title="Своего отдела", slug="svoego-otdela", owner_unit=unit)
    root.add_child(instance=answered)
    foreign = InformationPage(title="Чужая", slug="chuzhaya", owner_unit=other_unit)
    root.add_child(instance=foreign)
    Page.objects.filter(pk__in=[answered.pk, foreign.pk]).update(live=True)
    client.force_login(editor)
    found = titles(client.get(reverse(REPORT)))
    assert "Своя" in found
    assert "Своего отдела" in found  # the unit answers for it, wherever it is
    assert "Чужая" not in found


def test_user_without_page_permissions_is_refused(client, django_user_model, pages):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse(REPORT))
    assert response.status_code in (302, 403)


def report_queries(client, size):
    generate_site(GenerationOptions(pages=size, links_per_page=0, documents=0, index=False), report=lambda m: None)
    Ownership.objects.filter(page_id__in=Ownership.objects.values("page_id")[: size // 2]).update(
        review_due=timezone.localdate() - timedelta(days=1)
    )
    client.get(reverse(REPORT))  # warm the content type cache, as a running server has it
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(REPORT))
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 50
    return len(queries)


@pytest.mark.parametrize("size", [100, 1000])
def test_report_query_count_does_not_grow(client, admin_user, unit, size, django_assert_max_num_queries):
    client.force_login(admin_user)
    generate_site(GenerationOptions(pages=size, links_per_page=0, documents=0, index=False), report=lambda m: None)
    with django_assert_max_num_queries(REPORT_MAX_QUERIES):
        response = client.get(reverse(REPORT))
    assert len(response.context["object_list"]) == 50


def test_report_query_count_is_the_same_at_100_and_1000_pages(client, admin_user, unit):
    client.force_login(admin_user)
    small = report_queries(client, 100)
    Ownership.objects.all().delete()
    large = report_queries(client, 1000)
    assert small == large, (small, large)
    assert small <= REPORT_MAX_QUERIES


def test_mark_reviewed_from_the_report_with_csrf(admin_user, pages):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    url = reverse(REPORT) + "?status=overdue"
    html = client.get(url).content.decode()
    action = reverse("ownership:mark_reviewed", args=[pages["overdue"].ownership_record.pk])
    assert f'action="{action}"' in html
    token = client.cookies["csrftoken"].value
    assert client.post(action, {"next": url}).status_code == 403  # no token, refused
    response = client.post(action, {"next": url, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"] == url
    assert titles(client.get(url)) == []


def test_reports_menu_lists_the_report(client, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) in html
