"""What API clients get: display HTML with absolute URLs, URLs for the host that served them, document files."""

import pytest

from cms.pages.models import InformationPage
from tests.api.conftest import make_document, make_news

pytestmark = pytest.mark.django_db


def test_rich_text_is_display_html_with_absolute_urls_on_the_requested_host(client, news_index):
    document = make_document()
    page = make_news(
        news_index,
        body=f'<p><a linktype="page" id="{news_index.pk}">Все новости</a>, '
        f'<a linktype="document" id="{document.pk}">решение</a></p>',
    )
    data = client.get(f"/api/v2/pages/{page.pk}/", HTTP_HOST="zato-sibirsky.ru").json()
    assert 'href="http://zato-sibirsky.ru/novosti/"' in data["body"]
    assert f'href="http://zato-sibirsky.ru/documents/{document.pk}/' in data["body"]
    assert "(PDF, 2 КБ)" in data["body"]
    assert "linktype" not in data["body"]
    assert data["meta"]["detail_url"] == f"http://zato-sibirsky.ru/api/v2/pages/{page.pk}/"
    assert data["meta"]["html_url"] == f"http://zato-sibirsky.ru/novosti/{page.slug}/"


def test_listing_serves_bodies_on_request(client, news_index):
    make_news(news_index, "С телом")
    response = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "body,lead,date,tags,for_newspaper"})
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["body"] == "<p>Прокат коньков у входа.</p>"
    assert item["for_newspaper"] is True
    assert item["meta"]["detail_url"].startswith("http://testserver/api/v2/pages/")


def test_stream_field_body_is_display_html(client, home_page):
    document = make_document()
    page = InformationPage(title="Приём", slug="priem")
    page.body = [("paragraph", f'<p><a linktype="document" id="{document.pk}">Порядок</a></p>')]
    home_page.add_child(instance=page)
    page.save_revision().publish()
    data = client.get(f"/api/v2/pages/{page.pk}/", HTTP_HOST="example.org").json()
    html = data["body"][0]["value"]
    assert f'href="http://example.org/documents/{document.pk}/' in html and "(PDF, 2 КБ)" in html


def test_document_carries_format_and_size(client, db):
    document = make_document()
    data = client.get(f"/api/v2/documents/{document.pk}/", HTTP_HOST="example.org").json()
    assert data["meta"]["file"] == {"format": "PDF", "extension": "pdf", "size": 2047, "label": "PDF, 2 КБ"}
    assert data["meta"]["download_url"].startswith("http://example.org/documents/")
    listed = client.get("/api/v2/documents/").json()["items"][0]
    assert listed["meta"]["file"]["label"] == "PDF, 2 КБ"
