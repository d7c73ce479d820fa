"""Read-only API viewsets (mounted by the API frame): published data only, filters validated with 400."""

from datetime import date

import pytest
from rest_framework.test import APIRequestFactory

from cms.declarations.api import ENDPOINTS, ArchiveDocumentViewSet, DraftActViewSet, IndicatorViewSet
from tests.declarations.conftest import add_archive_documents, indicator, make_declaration, make_draft

pytestmark = pytest.mark.django_db

factory = APIRequestFactory()


def call(viewset, query="", pk=None):
    request = factory.get("/api/v2/x/" + query)
    if pk is None:
        return viewset.as_view({"get": "list"})(request)
    return viewset.as_view({"get": "retrieve"})(request, pk=pk)


def test_endpoints_are_registered_through_the_hook():
    from wagtail import hooks

    registered = [entry for fn in hooks.get_hooks("register_api_endpoints") for entry in fn()]
    for entry in ENDPOINTS:
        assert entry in registered


def test_indicators_of_published_declarations_with_percent_done(area):
    make_declaration(
        area["declarations"],
        2026,
        indicators=[indicator("Срок", "дней", "lower", target_q1=10, actual_q1=11), indicator("Без цели", actual_q1=3)],
    )
    make_declaration(area["declarations"], 2027, live=False, indicators=[indicator("Секретный черновик", target_q1=1)])
    response = call(IndicatorViewSet)
    assert response.status_code == 200
    names = [row["name"] for row in response.data]
    assert names == ["Срок", "Без цели"]
    q1 = response.data[0]["periods"][0]
    assert (q1["period"], str(q1["target"]), str(q1["actual"]), str(q1["percent_done"])) == ("q1", "10", "11", "90.9")
    assert response.data[1]["periods"][0]["percent_done"] is None
    assert [r["name"] for r in call(IndicatorViewSet, "?year=2027").data] == []


@pytest.mark.parametrize(
    ("viewset", "query", "field"),
    [
        (IndicatorViewSet, "?year=twenty", "year"),
        (IndicatorViewSet, "?declaration=-1", "declaration"),
        (DraftActViewSet, "?stage=unknown", "stage"),
        (DraftActViewSet, "?significant=maybe", "significant"),
        (ArchiveDocumentViewSet, "?kind=secret", "kind"),
        (ArchiveDocumentViewSet, "?year=1850", "year"),
    ],
)
def test_bad_filters_answer_400_with_a_reason(area, viewset, query, field):
    response = call(viewset, query)
    assert response.status_code == 400
    assert field in response.data


def test_drafts_with_stages_filters_and_no_unpublished_ones(area):
    make_draft(
        area["drafts"],
        "odin",
        [("initiation", date(2026, 1, 1))],
        socially_significant=True,
        list_year=2026,
        plain_summary="Просто о проекте.",
    )
    make_draft(area["drafts"], "dva", [("initiation", date(2026, 1, 1)), ("published", date(2026, 1, 5))])
    make_draft(area["drafts"], "skryt", [("initiation", date(2026, 1, 1))], live=False)
    data = call(DraftActViewSet).data
    assert sorted(d["title"] for d in data) == ["Проект dva", "Проект odin"]
    assert [d["title"] for d in call(DraftActViewSet, "?stage=published").data] == ["Проект dva"]
    significant = call(DraftActViewSet, "?significant=true&year=2026").data
    assert [(d["title"], d["plain_summary"]) for d in significant] == [("Проект odin", "Просто о проекте.")]
    assert significant[0]["stages"] == [{"stage": "initiation", "date": date(2026, 1, 1)}]


def test_archive_documents_with_format_and_size(area):
    add_archive_documents(area["archive"], [(2025, "work_plan", "План на 2025 год"), (2026, "annual_report", "Отчёт")])
    data = call(ArchiveDocumentViewSet, "?year=2025&kind=work_plan").data
    assert [(d["title"], d["file_extension"], d["file_size"], d["label"]) for d in data] == [
        ("План на 2025 год", "pdf", 1536, "PDF, 1,5 КБ")
    ]


def test_api_lists_take_a_constant_number_of_queries(area, django_assert_max_num_queries):
    from cms.declarations.models import Proposal

    def drafts(n, prefix):
        for i in range(n):
            page = make_draft(
                area["drafts"],
                f"{prefix}{i}",
                [("initiation", date(2026, 1, 1)), ("discussion", date(2026, 1, 5)), ("summary", date(2026, 2, 1))],
                discussion=(date(2026, 1, 5), date(2026, 1, 15)),
            )
            Proposal.objects.create(page=page, name="Имя", email="x@example.ru", text="Текст", decision="accepted")

    def declarations(n, year):
        make_declaration(area["declarations"], year, indicators=[indicator(f"П{i}", target_q1=i) for i in range(n)])

    drafts(2, "a")
    declarations(2, 2025)
    add_archive_documents(area["archive"], [(2025, "work_plan", f"План {i}") for i in range(2)])
    counts = {}
    for viewset in (IndicatorViewSet, DraftActViewSet, ArchiveDocumentViewSet):
        call(viewset)
        with django_assert_max_num_queries(20) as captured:
            assert call(viewset).status_code == 200
        counts[viewset] = len(captured.captured_queries)
    drafts(15, "b")
    declarations(30, 2026)
    add_archive_documents(area["archive"], [(2026, "work_plan", f"План {i}") for i in range(30)])
    for viewset, small in counts.items():
        with django_assert_max_num_queries(small):
            response = call(viewset)
        assert len(response.data) > 10
