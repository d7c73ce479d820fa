"""A year's declaration: goals, plan against actual per indicator, percent done, the SVG chart, other years."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.declarations.conftest import indicator, make_declaration

pytestmark = pytest.mark.django_db


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml")


INDICATORS = [
    indicator("Доля услуг в электронном виде", "%", target_q1=45, actual_q1=46, target_year=60, actual_year=61),
    indicator("Средний срок предоставления услуги", "дней", "lower", target_q1=10, actual_q1=11),
    indicator("Удовлетворённость заявителей", "%", actual_q1=86),  # no target set
    indicator("Обоснованные жалобы", "жалоб", "lower", target_q1=0, actual_q1=0),  # zero target met
    indicator("Отремонтированные дворы", "дворов", target_q1=6, actual_q1=0),  # zero actual
]


def _rows(soup):
    table = soup.select_one("table.decl-progress")
    groups = []
    for body in table.find_all("tbody"):
        name = body.find("th", attrs={"scope": "rowgroup"}).get_text(" ", strip=True)
        rows = [[c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in body.find_all("tr")[1:]]
        groups.append((name, rows))
    return groups


def test_plan_against_actual_table_states_percent_done_per_period(client, area):
    page = make_declaration(area["declarations"], 2026, indicators=INDICATORS)
    soup = _soup(client.get(page.url))
    groups = dict(_rows(soup))
    services = next(v for k, v in groups.items() if k.startswith("Доля услуг в электронном виде"))
    assert services == [["I квартал", "45", "46", "102,2 %"], ["Год", "60", "61", "101,7 %"]]
    term = next(v for k, v in groups.items() if k.startswith("Средний срок"))
    assert term == [["I квартал", "10", "11", "90,9 %"]]
    satisfaction = next(v for k, v in groups.items() if k.startswith("Удовлетворённость"))
    assert satisfaction == [["I квартал", "—", "86", "цель не установлена"]]
    complaints = next(v for k, v in groups.items() if k.startswith("Обоснованные жалобы"))
    assert complaints == [["I квартал", "0", "0", "100 %"]]
    yards = next(v for k, v in groups.items() if k.startswith("Отремонтированные дворы"))
    assert yards == [["I квартал", "6", "0", "0 %"]]
    headers = [th.get_text(strip=True) for th in soup.select("table.decl-progress thead th")]
    assert headers == ["Период", "План", "Факт", "Процент выполнения"]
    assert "меньше — лучше" in soup.select_one("table.decl-progress").get_text()


def test_chart_is_server_side_svg_with_a_text_alternative_stating_the_figures(client, area):
    page = make_declaration(area["declarations"], 2026, indicators=INDICATORS)
    response = client.get(page.url)
    soup = _soup(response)
    svg = soup.select_one("figure.decl-chart svg")
    assert svg["role"] == "img"
    assert soup.find(id=svg["aria-labelledby"]).get_text() == "Процент выполнения по индикаторам, 2026"
    described = soup.find(id=svg["aria-describedby"])
    lines = [li.get_text(" ", strip=True) for li in described.find_all("li")]
    assert lines[0] == "1. Доля услуг в электронном виде (Год): план 60 %, факт 61 %, выполнено на 101,7 %."
    assert (
        lines[1]
        == "2. Средний срок предоставления услуги (I квартал): план 10 дней, факт 11 дней, выполнено на 90,9 %."
    )
    assert "Удовлетворённость заявителей: цель не установлена, факт 86" in lines[2]
    assert lines[3].endswith("выполнено на 100 %.")
    assert lines[4].endswith("выполнено на 0 %.")
    assert svg.find("desc").get_text() == " ".join(lines)
    # Bars: met in one colour, short in another, no bar where there is no percent.
    rows = svg.select("g.decl-chart__row")
    assert [r["class"][1] for r in rows] == [
        "decl-chart__row--met",
        "decl-chart__row--short",
        "decl-chart__row--none",
        "decl-chart__row--met",
        "decl-chart__row--short",
    ]
    assert rows[2].find("rect") is None
    # No JavaScript and no inline styles on the page (Content-Security-Policy).
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*application/ld\+json)", html)
    assert 'style="' not in html and "<style" not in html


def test_earlier_years_are_browsable_and_drafts_are_not_listed(client, area):
    old = make_declaration(area["declarations"], 2025, indicators=[indicator("Показатель", target_year=1)])
    current = make_declaration(area["declarations"], 2026)
    make_declaration(area["declarations"], 2027, live=False)
    soup = _soup(client.get(current.url))
    years = [(a.get_text(), a.get("aria-current")) for a in soup.select("nav.decl-years a")]
    assert years == [("2026", "page"), ("2025", None)]
    assert soup.select_one(f"nav.decl-years a[href='{old.url}']") is not None
    index = _soup(client.get(area["declarations"].url))
    assert [a.get_text() for a in index.select("ul.listing a")] == [current.title, old.title]
    assert client.get("/tseli/2027/").status_code == 404


def test_a_declaration_without_indicators_says_so(client, area):
    page = make_declaration(area["declarations"], 2026)
    soup = _soup(client.get(page.url))
    assert "Индикаторы на этот год ещё не опубликованы." in soup.get_text()
    assert soup.select_one("figure.decl-chart") is None


def test_query_count_does_not_grow_with_indicators(client, area, django_assert_max_num_queries):
    small = make_declaration(area["declarations"], 2025, indicators=INDICATORS[:2])
    many = [indicator(f"Показатель {n}", target_q1=n, actual_q1=n) for n in range(40)]
    large = make_declaration(area["declarations"], 2026, indicators=many)
    client.get(small.url)  # warm caches (site root, settings)
    with django_assert_max_num_queries(30) as small_queries:
        client.get(small.url)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        _soup(client.get(large.url))


def test_year_must_be_unique_under_one_index(area):
    from django.core.exceptions import ValidationError

    make_declaration(area["declarations"], 2026)
    from cms.declarations.models import DeclarationPage

    twin = DeclarationPage(title="Другая", slug="drugaya", year=2026)
    area["declarations"].add_child(instance=twin)
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert "Декларация на этот год уже есть." in str(error.value)
