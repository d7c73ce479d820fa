"""The read-only API of published entries (contract 5): only live data, validated filters, constant queries."""

import pytest
from rest_framework.test import APIRequestFactory

from cms.faq.api import FaqEntryViewSet
from cms.faq.models import FaqEntry

pytestmark = pytest.mark.django_db

factory = APIRequestFactory()
list_view = FaqEntryViewSet.as_view({"get": "list"})
detail_view = FaqEntryViewSet.as_view({"get": "retrieve"})


def get_list(**params):
    response = list_view(factory.get("/api/v2/faq/", params))
    response.render()
    return response


def questions(response):
    return {item["question"] for item in response.data}


def test_lists_published_entries_only(entries):
    response = get_list()
    assert response.status_code == 200
    assert questions(response) == {
        "Как записаться на личный приём?",
        "В какой срок рассматривается обращение?",
        "Где посмотреть бюджет на текущий год?",
    }
    item = next(i for i in response.data if i["question"].startswith("Где посмотреть"))
    assert item["category"] == {"id": entries["budget"].category_id, "title": "Бюджет"}
    assert item["tags"] == ["бюджет"]
    assert item["url"].endswith(f"/obrashcheniya-grazhdan/voprosy-i-otvety/{entries['budget'].slug}/")
    assert item["answer_text"] == "В подразделе «Бюджет» опубликованы доходы и расходы."


def test_a_draft_is_not_found_and_unpublished_changes_stay_hidden(entries):
    draft = entries["draft"]
    assert detail_view(factory.get(f"/api/v2/faq/{draft.pk}/"), pk=draft.pk).status_code == 404
    live = entries["reception"]
    live.question = "Неопубликованная правка?"
    live.save_revision()
    response = detail_view(factory.get(f"/api/v2/faq/{live.pk}/"), pk=live.pk)
    assert response.data["question"] == "Как записаться на личный приём?"


def test_filters_by_category_tag_and_text(entries, faq_site):
    assert questions(get_list(category=faq_site["budget"].pk)) == {"Где посмотреть бюджет на текущий год?"}
    assert questions(get_list(tag=entries["deadline"].tags.get(name="сроки").slug)) == {
        "В какой срок рассматривается обращение?"
    }
    assert questions(get_list(q="бюджет")) == {"Где посмотреть бюджет на текущий год?"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"category": "abc"}, "category"),
        ({"category": "-1"}, "category"),
        ({"q": "x" * 300}, "q"),
        ({"tag": ""}, "tag"),
    ],
)
def test_bad_filters_answer_400_with_a_reason(entries, params, field):
    response = get_list(**params)
    assert response.status_code == 400
    assert field in response.data


@pytest.mark.parametrize("size", [3, 20])
def test_list_costs_a_constant_number_of_queries(faq_site, django_assert_max_num_queries, size):
    from tests.faq.conftest import make_entry

    for number in range(size):
        make_entry(f"Вопрос {number}?", category=faq_site["budget"], tags=["метка", f"м{number}"])
    with django_assert_max_num_queries(8):
        assert get_list().status_code == 200


def test_registered_for_the_api_frame():
    from wagtail import hooks

    endpoints = [endpoint for hook in hooks.get_hooks("register_api_endpoints") for endpoint in hook()]
    assert ("faq", FaqEntryViewSet) in endpoints
    assert FaqEntry._meta.get_field("question")
