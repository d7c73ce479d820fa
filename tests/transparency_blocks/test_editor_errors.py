"""Validation errors as the page editor receives them (the JSON the StreamField widget displays)."""

import json

import pytest
from django.core.exceptions import ValidationError

from transparency_blocks.blocks import TransparencyStreamBlock


def clean_body(*items):
    block = TransparencyStreamBlock()
    value = block.to_python([{"type": name, "value": raw} for name, raw in items])
    with pytest.raises(ValidationError) as raised:
        block.clean(value)
    return json.dumps(raised.value.as_json_data(), ensure_ascii=False)


def test_deleted_document_is_reported_on_its_block(make_document):
    document = make_document()
    pk = document.pk
    document.delete()
    errors = clean_body(
        ("heading", {"text": "Документы", "level": "h2"}), ("document_link", {"document": pk, "title": ""})
    )
    assert '"blockErrors": {"1": {"blockErrors": {"document": {"messages": ["Выберите документ' in errors


def test_table_without_caption_is_reported():
    errors = clean_body(
        ("table", {"caption": "", "columns": [{"type": "text", "heading": "А"}], "rows": [{"values": ["1"]}]})
    )
    assert "Укажите подпись (название) таблицы." in errors


def test_photo_without_description_is_reported(make_image):
    person = {"name": "Иванов И. И.", "position": "Глава", "photo": make_image().pk, "photo_alt": ""}
    errors = clean_body(("person", person))
    assert '"photo_alt": {"messages": ["Опишите фотографию' in errors
