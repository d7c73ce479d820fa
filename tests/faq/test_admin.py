"""The FAQ registry in the admin: list with filters, create, edit as draft, publish."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/faq/faqentry/"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.com", "pass"))
    return client


def test_list_filters_by_category_tag_and_status(admin_client, entries, faq_site):
    html = admin_client.get(LIST_URL).content.decode()
    assert "Как записаться на личный приём?" in html and "Секретный черновик" in html
    html = admin_client.get(LIST_URL, {"status": "draft"}).content.decode()
    assert "Секретный черновик" in html and "Как записаться" not in html
    html = admin_client.get(LIST_URL, {"category": faq_site["budget"].pk}).content.decode()
    assert "Где посмотреть бюджет" in html and "Как записаться" not in html
    tag = entries["deadline"].tags.get(name="сроки")
    html = admin_client.get(LIST_URL, {"tags": tag.pk}).content.decode()
    assert "В какой срок" in html and "Где посмотреть бюджет" not in html
    assert "/admin/faq/import/" in html


def test_list_filters_by_owner_unit(admin_client, entries):
    from cms.ownership import api as ownership
    from cms.snippets.models import ResponsibleUnit

    unit = ResponsibleUnit.objects.create(name="Финансовый отдел", slug="finansy")
    ownership.assign(entries["budget"], unit=unit)
    html = admin_client.get(LIST_URL, {"unit": unit.pk}).content.decode()
    assert "Где посмотреть бюджет" in html and "Как записаться" not in html


@pytest.mark.parametrize("size", [3, 15])
def test_list_costs_a_constant_number_of_queries(admin_client, faq_site, django_assert_max_num_queries, size):
    from tests.faq.conftest import make_entry

    for number in range(size):
        make_entry(f"Вопрос {number}?", category=faq_site["budget"], tags=["метка"])
    admin_client.get(LIST_URL)
    with django_assert_max_num_queries(40):
        assert admin_client.get(LIST_URL).status_code == 200


def test_an_edit_of_a_live_entry_stays_a_draft_until_published(admin_client, entries):
    entry = entries["reception"]
    response = admin_client.get(f"{LIST_URL}edit/{entry.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update(
        {
            "question": "Изменённый вопрос?",
            "answer": '{"blocks":[{"key":"a","text":"Новый ответ","type":"unstyled","depth":0,'
            '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
            "category": entry.category_id,
            "tags": "приём граждан",
            "slug": entry.slug,
            "review_rule": "as_needed",
            "related_pages-TOTAL_FORMS": 0,
            "related_pages-INITIAL_FORMS": 0,
            "related_pages-MIN_NUM_FORMS": 0,
            "related_pages-MAX_NUM_FORMS": 1000,
            "related_documents-TOTAL_FORMS": 0,
            "related_documents-INITIAL_FORMS": 0,
            "related_documents-MIN_NUM_FORMS": 0,
            "related_documents-MAX_NUM_FORMS": 1000,
        }
    )
    response = admin_client.post(f"{LIST_URL}edit/{entry.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    entry.refresh_from_db()
    assert entry.question == "Как записаться на личный приём?" and entry.has_unpublished_changes
    page = Client().get(f"/obrashcheniya-grazhdan/voprosy-i-otvety/{entry.slug}/").content.decode()
    assert "Изменённый вопрос" not in page
    data["action-publish"] = "publish"
    admin_client.post(f"{LIST_URL}edit/{entry.pk}/", data)
    entry.refresh_from_db()
    assert entry.question == "Изменённый вопрос?"
