"""What a citizen's content page and rubric page cost to render, and that the cheaper routing serves the same pages.

The figures and what was removed are in docs/operations.md («Rendering cost»). Each page is measured at two sizes:
the count must be the same at both (no query per child, per link or per document comes back) and at most the
stated number.
"""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from cms.ownership import api as ownership
from cms.pages.models import UnitsPage
from cms.snippets.models import ResponsibleUnit
from tests.conftest import add_information_page, add_rubric

pytestmark = pytest.mark.django_db

# Both: the site, the site's root page, the pages on the path, the served page with its owner, the view restrictions,
# the site settings, the menu, the units page (the owner's link).
# The information page, whose body has every kind of link: the pages and the documents its rich text links to
# (one query each), the document blocks' documents, the link list's pages and their view restrictions.
INFORMATION_PAGE_QUERIES = 13
# The rubric: the pages its introduction links to, its children.
RUBRIC_PAGE_QUERIES = 10


@pytest.fixture
def owned_site(demo_site):
    """The demo site with a units page, and an owner unit on every page the tests serve."""
    unit = ResponsibleUnit.objects.create(name="Общий отдел", slug="obshchiy-otdel")
    demo_site["home"].add_child(instance=UnitsPage(title="Ответственные", slug="otvetstvennye"))
    return {**demo_site, "unit": unit}


def queries_for(client, path):
    client.get(path)  # warm Wagtail's per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def documents(count):
    made = []
    for number in range(count):
        document = Document(title=f"Документ {number}")
        document.file.save(f"dokument-{number}.pdf", ContentFile(b"%" * 2048), save=False)
        document.save()
        made.append(document)
    return made


def body_with_links(targets, docs):
    """A paragraph linking a page and a document per target, a document block per document, a link list (as stored)."""
    body = []
    for page, document in zip(targets, docs, strict=True):
        text = (
            f'<p>См. <a linktype="page" id="{page.pk}">{page.title}</a> и '
            f'<a linktype="document" id="{document.pk}">{document.title}</a>.</p>'
        )
        body.append({"type": "paragraph", "value": text})
        body.append({"type": "document_link", "value": {"document": document.pk, "title": ""}})
    links = [{"page": page.pk, "url": "", "text": ""} for page in targets]
    body.append({"type": "link_list", "value": {"heading": "Смотрите также", "level": "h2", "links": links}})
    return body


def information_page_with(site, count, slug):
    targets = [add_rubric(site["hidden"], f"Раздел {slug} {n}", f"{slug}-razdel-{n}") for n in range(count)]
    page = add_information_page(
        site["structure"], f"Страница {slug}", slug, body=body_with_links(targets, documents(count))
    )
    ownership.assign(page, unit=site["unit"])
    return page


def test_an_information_page_costs_the_same_with_1_and_10_links_and_documents(client, owned_site):
    small, small_html = queries_for(client, information_page_with(owned_site, 1, "malaya").url)
    large, large_html = queries_for(client, information_page_with(owned_site, 10, "bolshaya").url)
    assert large_html.count('href="/sluzhebnyy/bolshaya-razdel-') == 20  # each target: in a paragraph, in the list
    assert large_html.count('href="/documents/') == 20  # each document: in a paragraph, in a document block
    assert "Общий отдел" in large_html and 'href="/otvetstvennye/#unit-obshchiy-otdel"' in large_html
    assert small == large
    assert large <= INFORMATION_PAGE_QUERIES


def test_a_rubric_page_costs_the_same_with_3_and_30_children(client, owned_site):
    def rubric_with(count, slug):
        intro = f'<p>Введение; см. также <a linktype="page" id="{owned_site["acts"].pk}">акты</a>.</p>'
        rubric = add_rubric(owned_site["about"], f"Рубрика {slug}", slug, intro=intro)
        for number in range(count):
            child = add_information_page(rubric, f"Материал {number}", f"material-{number}", description="Кратко.")
            ownership.assign(child, unit=owned_site["unit"])
        ownership.assign(rubric, unit=owned_site["unit"])
        return rubric

    small, _ = queries_for(client, rubric_with(3, "malaya").url)
    large, large_html = queries_for(client, rubric_with(30, "bolshaya").url)
    assert large_html.count('href="/ob-administratsii/bolshaya/material-') == 30
    assert 'href="/protivodeystvie-korruptsii/normativnye-akty/">акты</a>' in large_html
    assert small == large
    assert large <= RUBRIC_PAGE_QUERIES


def test_the_cost_does_not_grow_with_the_depth_of_the_page(client, owned_site):
    shallow = add_information_page(owned_site["about"], "Неглубоко", "negluboko")
    parent = owned_site["structure"]
    for level in range(4):
        parent = add_rubric(parent, f"Уровень {level}", f"uroven-{level}")
    deep = add_information_page(parent, "Глубоко", "gluboko")
    deep_count, deep_html = queries_for(client, deep.url)
    assert queries_for(client, shallow.url)[0] == deep_count
    # The breadcrumbs still name every ancestor, from the routing's own reading of the path.
    for title in ("Об администрации", "Структура", "Уровень 0", "Уровень 3", "Глубоко"):
        assert f">{title}</a>" in deep_html


def test_routing_answers_as_wagtail_does(client, owned_site):
    structure, reception = owned_site["structure"], owned_site["reception"]
    assert client.get("/ob-administratsii/struktura/net-takoy/").status_code == 404
    assert client.get("/ob-administratsii/poryadok-priyoma/").status_code == 404  # a page, but not at that path
    # An unpublished page on the way still routes on; an unpublished target is a 404.
    structure.live = False
    structure.save(update_fields=["live"])
    assert client.get(reception.url).status_code == 200
    reception.unpublish()
    assert client.get(reception.url).status_code == 404


def test_view_restrictions_of_the_page_and_its_ancestors_still_apply(client, owned_site):
    reception = owned_site["reception"]
    PageViewRestriction.objects.create(page=owned_site["about"], restriction_type=PageViewRestriction.LOGIN)
    response = client.get(reception.url)
    assert response.status_code == 302 and "login" in response["Location"]
    PageViewRestriction.objects.create(
        page=owned_site["acts"], restriction_type=PageViewRestriction.PASSWORD, password="секрет"
    )
    response = client.get(owned_site["acts"].url)
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
