"""Only live, public pages reach the API, for every page type and every state; private collections stay out."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.news.models import NewsIndexPage, NewsPage
from cms.pages.models import InformationPage, RubricPage, UnitsPage
from tests.api.conftest import make_document, make_image

pytestmark = pytest.mark.django_db


def build(model, parent, slug):
    fields = {"title": f"{model.__name__} {slug}", "slug": slug}
    if model is NewsPage:
        fields.update(lead="Лид", body="<p>Текст</p>")
    page = model(**fields)
    parent.add_child(instance=page)
    return page


def parent_for(model, home_page):
    if model is NewsPage:
        index = NewsIndexPage(title="Новости", slug="novosti")
        home_page.add_child(instance=index)
        return index
    return home_page


PAGE_TYPES = [RubricPage, InformationPage, UnitsPage, NewsIndexPage, NewsPage]


def make_in_state(model, home_page, state):
    parent = parent_for(model, home_page)
    page = build(model, parent, "p")
    page.save_revision().publish()
    if state == "draft":
        type(page).objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    elif state == "unpublished":
        page.unpublish()
    elif state == "login":
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    elif state == "password":
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    elif state == "groups":
        restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
        restriction.groups.add(Group.objects.create(name="Только для членов совета"))
    elif state == "restricted_parent":
        PageViewRestriction.objects.create(page=parent if parent != home_page else page, restriction_type="login")
    return page


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("state", ["draft", "unpublished", "login", "password", "groups", "restricted_parent"])
def test_hidden_pages_are_neither_listed_nor_served(client, home_page, model, state):
    page = make_in_state(model, home_page, state)
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    listed = client.get("/api/v2/pages/", {"type": f"{model._meta.app_label}.{model.__name__}"}).json()["items"]
    assert page.pk not in [item["id"] for item in listed]
    assert page.pk not in [item["id"] for item in client.get("/api/v2/pages/", {"limit": 100}).json()["items"]]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_live_public_pages_are_served_with_their_fields(client, home_page, model):
    page = make_in_state(model, home_page, "live")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["id"] == page.pk
    declared = {field.name for field in model.api_fields}
    assert {"owner_unit", "review_due"} <= declared
    assert declared <= set(data)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_unpublished_changes_of_a_live_page_are_not_served(client, home_page, model):
    page = make_in_state(model, home_page, "live")
    page.title = "Черновое название"
    page.save_revision()
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["title"] != "Черновое название"


def test_documents_and_images_in_private_collections_stay_out(client, db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Служебные")
    nested = private.add_child(name="Вложенная")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    public_doc = make_document(title="Открытый")
    hidden_docs = [
        make_document(title="Закрытый", collection=private),
        make_document(title="Вложенный", collection=nested),
    ]
    public_image = make_image("Открытое")
    hidden_image = make_image("Закрытое")
    hidden_image.collection = nested
    hidden_image.save()
    docs = [item["id"] for item in client.get("/api/v2/documents/").json()["items"]]
    assert docs == [public_doc.pk]
    for document in hidden_docs:
        assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    images = [item["id"] for item in client.get("/api/v2/images/").json()["items"]]
    assert images == [public_image.pk]
    assert client.get(f"/api/v2/images/{hidden_image.pk}/").status_code == 404
