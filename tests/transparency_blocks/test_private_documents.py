"""A document in a restricted collection: a public page may link it, but its title, format and size never show
on the page, in the API or in the site's search (issue 15.1)."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from cms.pages.models import InformationPage
from tests.conftest import add_information_page, add_rubric

SECRET = "Протокол закрытого совещания Зюзякин"


def doc_link(document, text):
    return f'<a linktype="document" id="{document.pk}">{text}</a>'


@pytest.fixture
def private_document(make_document):
    root = Collection.get_first_root_node()
    parent = root.add_child(name="Служебные")
    child = parent.add_child(name="Совещания")  # restricted through its parent
    CollectionViewRestriction.objects.create(
        collection=parent, restriction_type=CollectionViewRestriction.PASSWORD, password="s3cret"
    )
    document = make_document(title=SECRET, filename="protokol.pdf", size=2048)
    document.collection = child
    document.save()
    return document


@pytest.fixture
def published(home_page, private_document, make_document, settings):
    settings.LINKCHECK_ON_PUBLISH = False
    public = make_document(title="Открытый регламент", filename="reglament.pdf", size=1024)
    body = [
        ("document_link", {"document": private_document, "title": ""}),
        ("document_link", {"document": public, "title": ""}),
        ("paragraph", f"<p>См. {doc_link(private_document, SECRET)} и {doc_link(public, 'регламент')}.</p>"),
    ]
    rubric = add_rubric(home_page, "Документы", "dokumenty", intro=f"<p>{doc_link(private_document, SECRET)}</p>")
    page = add_information_page(rubric, "Совещания", "soveshchaniya", body=body)
    return {"page": page, "rubric": rubric, "document": private_document, "public": public}


def test_pages_link_a_private_document_without_its_title_format_or_size(client, published):
    for page in (published["page"], published["rubric"]):
        html = client.get(page.url).content.decode()
        assert "Зюзякин" not in html
        assert "2 КБ" not in html
        assert "документ с ограниченным доступом" in html
        assert published["document"].url in html  # the link stays: it asks for the password
    html = client.get(published["page"].url).content.decode()
    assert "Открытый регламент" in html and "(PDF, 1 КБ)" in html  # public documents keep their label


def test_site_search_and_the_api_do_not_find_a_page_by_a_private_documents_title(client, published):
    assert "Совещания" not in client.get("/search/", {"q": "Зюзякин"}).content.decode()
    assert client.get("/api/v2/pages/", {"search": "Зюзякин"}).json()["meta"]["total_count"] == 0
    # The same search finds a public document's title, so the index itself works.
    assert client.get("/api/v2/pages/", {"search": "регламент"}).json()["meta"]["total_count"] == 1


def test_the_api_representation_of_the_body_gives_the_link_but_not_the_title(published):
    # What API v2 serves for the body once a page type exposes it (api_fields), in both rich text formats.
    page = InformationPage.objects.get(pk=published["page"].pk)
    text = str(page.body.stream_block.get_api_representation(page.body))
    assert "Зюзякин" not in text
    assert published["document"].url in text
    assert "Открытый регламент" in text


def test_the_title_shows_again_once_the_collection_is_public(client, published):
    CollectionViewRestriction.objects.all().delete()
    assert SECRET in client.get(published["page"].url).content.decode()
    assert InformationPage.objects.count() == 1
