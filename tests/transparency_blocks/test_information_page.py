"""Every block on a published InformationPage, served to a citizen."""

import datetime
import json

from cms.pages.models import InformationPage
from transparency_blocks.blocks import TransparencyStreamBlock


def every_block(document_pk, image_pk, page_pk):
    return [
        {"type": "heading", "value": {"text": "Порядок приёма граждан", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Приём ведётся по <b>записи</b>.</p>"},
        {"type": "document_link", "value": {"document": document_pk, "title": ""}},
        {
            "type": "table",
            "value": {
                "caption": "График приёма",
                "columns": [{"type": "row_heading", "heading": "День"}, {"type": "text", "heading": "Время"}],
                "rows": [{"values": ["Вторник", "14:00–17:00"]}],
            },
        },
        {
            "type": "person",
            "value": {
                "name": "Иванов Иван Иванович",
                "position": "Глава ЗАТО Сибирский",
                "photo": image_pk,
                "photo_alt": "Портрет И. И. Иванова",
                "phone": "+7 (38532) 5-00-00",
                "email": "glava@example.ru",
                "reception_hours": "Вторник, 14:00–17:00",
            },
        },
        {
            "type": "contact_details",
            "value": {
                "address": "ул. Кедровая, 1",
                "phones": ["+7 (38532) 5-00-01"],
                "email": "admin@example.ru",
                "working_hours": "Пн–Пт 8:00–17:00",
            },
        },
        {
            "type": "notice",
            "value": {"text": "<p>Приём 4 ноября не проводится.</p>", "valid_from": None, "valid_until": "2999-12-31"},
        },
        {
            "type": "link_list",
            "value": {
                "heading": "Полезные ссылки",
                "level": "h2",
                "links": [
                    {"page": page_pk, "url": "", "text": ""},
                    {"page": None, "url": "https://www.gosuslugi.ru/", "text": "Портал госуслуг"},
                ],
            },
        },
    ]


def publish(home_page, title, body):
    page = home_page.add_child(instance=InformationPage(title=title, body=json.dumps(body)))
    page.save_revision().publish()
    return page


def test_every_block_type_is_exercised():
    names = {item["type"] for item in every_block(1, 1, 1)}
    assert names == set(TransparencyStreamBlock().child_blocks)


def test_page_with_every_block_is_served(client, home_page, make_document, make_image):
    document = make_document()
    target = publish(home_page, "Приём граждан", [])
    page = publish(home_page, "Обращения граждан", every_block(document.pk, make_image().pk, target.pk))
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h2>Порядок приёма граждан</h2>" in html
    assert "(PDF, 1,2 МБ)</span></a>" in html
    assert "<caption>График приёма</caption>" in html
    assert '<th scope="row">Вторник</th>' in html
    assert 'alt="Портрет И. И. Иванова"' in html
    assert '<address class="contact-details">' in html
    assert "Приём 4 ноября не проводится." in html
    assert f'<a href="{target.url}">Приём граждан</a>' in html


def test_page_whose_document_and_photo_were_deleted_is_still_served(client, home_page, make_document, make_image):
    document, image = make_document(title="Положение о комиссии"), make_image()
    target = publish(home_page, "Приём граждан", [])
    page = publish(home_page, "Обращения граждан", every_block(document.pk, image.pk, target.pk))
    document.delete()
    image.delete()
    target.unpublish()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Положение о комиссии" not in html
    assert "<img" not in html
    assert "Иванов Иван Иванович" in html
    assert "Приём граждан" not in html


def test_expired_notice_does_not_reach_the_page(client, home_page):
    yesterday = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
    body = [
        {"type": "notice", "value": {"text": "<p>Старое объявление</p>", "valid_from": None, "valid_until": yesterday}}
    ]
    page = publish(home_page, "Объявления", body)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Старое объявление" not in response.content.decode()
