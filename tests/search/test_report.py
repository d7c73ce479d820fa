"""Search analytics: every search is logged, fruitless ones apart; editors see the month's top and zero-result ones."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import ZeroResultDailyHits
from search.report import monthly_queries

pytestmark = pytest.mark.django_db
URL = "/admin/reports/search-queries/"


def _search(client, query, times=1):
    for _ in range(times):
        assert client.get("/search/", {"q": query}).status_code == 200


@pytest.fixture
def logged(client, demo_site):
    _search(client, "приём граждан", 3)
    _search(client, "несуществующее слово", 2)
    _search(client, "вторник")
    # Last month's searches stay out of this month's report.
    last_month = timezone.localdate().replace(day=1) - timedelta(days=1)
    QueryDailyHits.objects.create(query=Query.get("бюджет"), date=last_month, hits=9)
    return client


def test_searches_are_logged_with_zero_result_ones_counted_apart(logged):
    assert Query.get("приём граждан").hits == 3
    assert ZeroResultDailyHits.objects.get(query=Query.get("несуществующее слово")).hits == 2
    assert not ZeroResultDailyHits.objects.filter(query=Query.get("приём граждан")).exists()


def test_month_report_lists_top_queries_then_zero_result_ones(logged, admin_client):
    rows = [(q.query_string, q.searches, q.zero_results) for q in monthly_queries()]
    assert rows == [("приём граждан", 3, 0), ("несуществующее слово", 2, 2), ("вторник", 1, 0)]
    soup = BeautifulSoup(admin_client.get(URL).content, "lxml")
    cells = [td.get_text(strip=True) for td in soup.select("table tbody tr td")]
    assert cells[:3] == ["приём граждан", "3", "0"]
    zero = BeautifulSoup(admin_client.get(URL, {"kind": "zero"}).content, "lxml")
    assert [td.get_text(strip=True) for td in zero.select("table tbody tr td")] == ["несуществующее слово", "2", "2"]


def test_report_exports_csv_and_xlsx(logged, admin_client):
    response = admin_client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert lines[0] == ["Запрос", "Поисков за месяц", "Поиски без результатов"]
    assert lines[1] == ["приём граждан", "3", "0"]
    response = admin_client.get(URL, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [c.value for c in sheet[2]] == ["приём граждан", 3, 0]


def test_previous_months_can_be_chosen_and_bad_months_fall_back(logged, admin_client):
    last = (timezone.localdate().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    rows = [(q.query_string, q.searches) for q in monthly_queries(last)]
    assert ("бюджет", 9) in rows
    assert admin_client.get(URL, {"month": "1999-13"}).status_code == 200


def test_report_is_for_editors_of_promoted_results_only(logged, client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(URL).status_code in {302, 403}
    group = Group.objects.create(name="Поиск")
    group.permissions.add(Permission.objects.get(codename="add_searchpromotion"))
    user.groups.add(group)
    assert client.get(URL).status_code == 200
    menu = client.get(reverse("wagtailadmin_home"))
    assert URL in menu.content.decode()
