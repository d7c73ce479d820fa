"""What an editor sees: the block picker's previews and the page editor."""

import json

import pytest
from django.urls import reverse

from cms.pages.models import InformationPage

BODY_BLOCKS = InformationPage._meta.get_field("body").stream_block.child_blocks

EXPECTED_PREVIEW = {
    "heading": "<h2>Порядок приёма граждан</h2>",
    "paragraph": "<b>предварительной записи</b>",
    "document_link": "(PDF, 1,2 МБ)",
    "table": '<th scope="row">Понедельник</th>',
    "person": '<p class="person__name">Иванов Иван Иванович</p>',
    "contact_details": '<address class="contact-details">',
    "notice": '<div class="notice" role="note">',
    "link_list": '<a href="https://www.gosuslugi.ru/">Портал госуслуг</a>',
}


def test_every_block_has_a_full_meta():
    for name, block in BODY_BLOCKS.items():
        meta = block.meta
        assert meta.icon and meta.template and block.label, name
        assert block.get_description(), name
        assert getattr(meta, "preview_value", None), name


@pytest.mark.parametrize("name", sorted(EXPECTED_PREVIEW))
def test_block_preview_shows_an_example(admin_client, make_document, name):
    make_document(title="Положение о комиссии", filename="polozhenie.pdf")
    block = BODY_BLOCKS[name]
    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    assert EXPECTED_PREVIEW[name] in response.content.decode()


def test_page_editor_opens_with_every_block(admin_client, home_page):
    page = home_page.add_child(instance=InformationPage(title="Обращения граждан"))
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # Block definitions travel to the editor as telepath JSON (ASCII-escaped, HTML-quoted).
    for name, block in BODY_BLOCKS.items():
        assert f"&quot;{name}&quot;" in html
        assert json.dumps(str(block.label))[1:-1] in html
    assert json.dumps("Ссылка на документ")[1:-1] in html
