"""The plans and reports archive: filter by year and kind without JavaScript; documents state format and size."""

import pytest
from bs4 import BeautifulSoup

from tests.declarations.conftest import add_archive_documents

pytestmark = pytest.mark.django_db

SPECS = [
    (2025, "work_plan", "План работы на 2025 год"),
    (2025, "annual_report", "Отчёт о работе за 2025 год"),
    (2026, "work_plan", "План работы на 2026 год"),
    (2026, "programme_report", "Отчёт об исполнении программы «Спорт»"),
]


def _titles(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    return [a.get_text(" ", strip=True) for a in soup.select("main ul.listing a")], soup


def test_archive_lists_every_document_by_year_with_format_and_size(client, area):
    page = add_archive_documents(area["archive"], SPECS)
    titles, soup = _titles(client.get(page.url))
    assert titles == [
        "План работы на 2026 год (PDF, 1,5 КБ)",
        "Отчёт об исполнении программы «Спорт» (PDF, 1,5 КБ)",
        "План работы на 2025 год (PDF, 1,5 КБ)",
        "Отчёт о работе за 2025 год (PDF, 1,5 КБ)",
    ]
    assert [h.get_text() for h in soup.select("main section h2")] == ["2026", "2025"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?year=2025", ["План работы на 2025 год", "Отчёт о работе за 2025 год"]),
        ("?kind=work_plan", ["План работы на 2026 год", "План работы на 2025 год"]),
        ("?year=2026&kind=programme_report", ["Отчёт об исполнении программы «Спорт»"]),
        ("?year=2024", []),
    ],
)
def test_archive_filters_by_year_and_kind(client, area, query, expected):
    page = add_archive_documents(area["archive"], SPECS)
    titles, soup = _titles(client.get(page.url + query))
    assert [t.rsplit(" (", 1)[0] for t in titles] == expected
    if not expected:
        assert "Нет документов, соответствующих фильтру." in soup.get_text()


@pytest.mark.parametrize("query", ["?year=abc", "?kind=secret", "?year=1900", "?year=%00"])
def test_a_bad_filter_is_explained_not_an_error(client, area, query):
    page = add_archive_documents(area["archive"], SPECS)
    titles, soup = _titles(client.get(page.url + query))
    assert titles == []
    assert "Фильтр не применён" in soup.select_one("[role=alert]").get_text()


def test_filter_form_keeps_the_choice_and_has_labels(client, area):
    page = add_archive_documents(area["archive"], SPECS)
    _titles_, soup = _titles(client.get(page.url + "?year=2025&kind=annual_report"))
    assert soup.select_one("select[name=year] option[selected]")["value"] == "2025"
    assert soup.select_one("select[name=kind] option[selected]")["value"] == "annual_report"
    for name in ("year", "kind"):
        field = soup.select_one(f"select[name={name}]")
        assert soup.find("label", attrs={"for": field["id"]}) is not None


def test_unpublished_changes_to_the_archive_do_not_show(client, area):
    page = add_archive_documents(area["archive"], SPECS[:1])
    draft = page.get_latest_revision_as_object()
    from cms.declarations.models import ArchiveDocument
    from tests.declarations.conftest import make_document

    draft.archive_documents.add(
        ArchiveDocument(year=2026, kind="work_plan", title="Черновик плана", document=make_document("Черновик"))
    )
    draft.save_revision()
    titles, _soup = _titles(client.get(page.url))
    assert titles == ["План работы на 2025 год (PDF, 1,5 КБ)"]


def test_query_count_does_not_grow_with_documents(client, area, django_assert_max_num_queries):
    page = add_archive_documents(area["archive"], SPECS[:2])
    client.get(page.url)
    with django_assert_max_num_queries(40) as small:
        client.get(page.url)
    add_archive_documents(area["archive"], [(2000 + n % 20, "work_plan", f"План {n}") for n in range(40)])
    with django_assert_max_num_queries(len(small.captured_queries)):
        titles, _soup = _titles(client.get(page.url))
    assert len(titles) == 40
