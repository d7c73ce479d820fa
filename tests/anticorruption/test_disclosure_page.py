"""The disclosures page: one accessible table per year, years selectable, downloads, «не публикуется»."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from cms.anticorruption.models import DisclosureCampaign

from .conftest import add_official

pytestmark = pytest.mark.django_db

URL = "/protivodeystvie-korruptsii/svedeniya-o-dokhodakh/"


def soup(response):
    return BeautifulSoup(response.content, "lxml")


def test_latest_year_table_is_accessible(client, section, campaign):
    response = client.get(URL)
    assert response.status_code == 200
    page = soup(response)
    region = page.select_one(".ac-table-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0"
    table = region.find("table")
    assert region["aria-labelledby"] == table.caption["id"]
    assert "2025" in table.caption.get_text()
    assert all(th.get("scope") in ("col", "colgroup") for th in table.thead.find_all("th"))
    headings = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    assert "Декларированный годовой доход, руб." in headings
    assert "Объекты недвижимости в собственности" in headings
    # Each person's name or relation is a row header; relatives follow their official without names.
    row_headers = [th.get_text(strip=True) for th in table.tbody.find_all("th", scope="row")]
    assert row_headers == [
        "Берёзкин Алексей Петрович",
        "Супруг(а)",
        "Несовершеннолетний ребёнок",
        "Соснина Марина Викторовна",
        "Супруг(а)",
    ]
    assert "1 000 000,00" in table.get_text().replace("\xa0", " ")


def test_no_inline_styles_or_scripts(client, section, campaign):
    page = soup(client.get(URL))
    assert not page.select("[style]") and not page.find_all("style")
    assert all(s.get("type") == "application/ld+json" or s.get("src") for s in page.find_all("script"))
    assert page.find("link", href=lambda h: h and "anticorruption.css" in h)


def test_earlier_years_stay_published_and_selectable(client, section, campaign):
    old = DisclosureCampaign.objects.create(year=2024)
    add_official(old, 0, "Кедров Дмитрий Олегович")
    page = soup(client.get(URL))
    links = {a.get_text(strip=True): a["href"] for a in page.select(".ac-years a")}
    assert set(links) == {"2025", "2024"}
    assert page.select_one('.ac-years a[aria-current="page"]').get_text() == "2025"
    older = client.get(links["2024"])
    assert older.status_code == 200
    assert "Кедров Дмитрий Олегович" in older.content.decode()
    assert "Берёзкин" not in older.content.decode()
    assert client.get(URL + "2019/").status_code == 404


def test_not_published_year_shows_legal_basis_not_data(client, section, campaign):
    campaign.is_published = False
    campaign.legal_basis = "Указ Президента Российской Федерации от 29.12.2022 № 968"
    campaign.save()
    response = client.get(URL)
    text = response.content.decode()
    assert "не публикуются" in text
    assert "Указ Президента Российской Федерации от 29.12.2022 № 968" in text
    assert "Берёзкин" not in text and "<table" not in text
    for fmt in ("csv", "xlsx", "json"):
        assert client.get(f"{URL}2025/{fmt}/").status_code == 404
    assert campaign.rows.count() == 5  # the data stays in the admin


def test_unpublished_requires_legal_basis(campaign):
    from django.core.exceptions import ValidationError

    campaign.is_published = False
    with pytest.raises(ValidationError):
        campaign.full_clean()


def test_downloads_linked_and_served(client, section, campaign):
    page = soup(client.get(URL))
    hrefs = [a["href"] for a in page.select(".ac-downloads a")]
    assert hrefs == [f"{URL}2025/csv/", f"{URL}2025/xlsx/", f"{URL}2025/json/"]
    rows = list(csv.reader(io.StringIO(client.get(hrefs[0]).content.decode("utf-8-sig"))))
    assert rows[0][1] == "Фамилия, имя, отчество"
    assert rows[1][1] == "Берёзкин Алексей Петрович"
    assert any(r[2] == "супруг(а)" and r[1] == "" for r in rows)
    workbook = load_workbook(io.BytesIO(client.get(hrefs[1]).content))
    assert workbook.active.cell(row=2, column=2).value == "Берёзкин Алексей Петрович"
    data = json.loads(client.get(hrefs[2]).content)
    assert [p["person"]["name_raw"] for p in data] == ["Берёзкин Алексей Петрович", "Соснина Марина Викторовна"]


def _make_year(size):
    campaign = DisclosureCampaign.objects.create(year=2020 + size % 7)
    for index in range(size):
        add_official(campaign, index, f"Служащий{index} Иван Иванович")
    return campaign


@pytest.mark.parametrize("size", [3, 30])
def test_year_renders_in_constant_queries(client, section, size, django_assert_max_num_queries):
    _make_year(size)
    client.get(URL)  # warm the site root and other per-process caches
    with django_assert_max_num_queries(20):
        response = client.get(URL)
    assert response.content.decode().count('scope="row"') == size * 3


@pytest.mark.parametrize("size", [3, 30])
def test_downloads_in_constant_queries(client, section, size, django_assert_max_num_queries):
    campaign = _make_year(size)
    for fmt in ("csv", "xlsx", "json"):
        with django_assert_max_num_queries(14):
            assert client.get(f"{URL}{campaign.year}/{fmt}/").status_code == 200
