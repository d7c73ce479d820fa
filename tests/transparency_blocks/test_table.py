import re

import pytest
from wagtail.contrib.typed_table_block.blocks import TypedTableBlockValidationError

from transparency_blocks.blocks import DataTableBlock


def table(caption="Часы приёма граждан", columns=None, rows=None):
    return {
        "caption": caption,
        "columns": columns
        or [
            {"type": "row_heading", "heading": "День"},
            {"type": "text", "heading": "Время"},
            {"type": "number", "heading": "Мест"},
        ],
        "rows": rows
        or [{"values": ["Понедельник", "9:00–13:00", "12.5"]}, {"values": ["Четверг", "14:00–18:00", "3"]}],
    }


def test_table_has_caption_column_and_row_headers(render_stream):
    html = render_stream(("table", table()))
    assert "<caption>Часы приёма граждан</caption>" in html
    assert re.findall(r'<th scope="col">([^<]*)</th>', html) == ["День", "Время", "Мест"]
    assert re.findall(r'<th scope="row">([^<]*)</th>', html) == ["Понедельник", "Четверг"]
    assert "<td>9:00–13:00</td>" in html


def test_numbers_use_the_russian_decimal_comma(render_stream):
    html = render_stream(("table", table()))
    assert "<td>12,5</td>" in html


def test_table_without_row_heading_column_has_only_column_headers(render_stream):
    columns = [{"type": "text", "heading": "Показатель"}, {"type": "number", "heading": "Значение"}]
    html = render_stream(("table", table(columns=columns, rows=[{"values": ["Население", "12000"]}])))
    assert 'scope="row"' not in html
    assert "<td>Население</td>" in html


def test_empty_table_renders_nothing(render_stream):
    html = render_stream(("table", {"caption": "Пусто", "columns": [], "rows": []}))
    assert "<table" not in html


def test_saving_a_table_without_caption_shows_a_russian_message():
    block = DataTableBlock()
    with pytest.raises(TypedTableBlockValidationError) as raised:
        block.clean(block.to_python(table(caption="  ")))
    assert [error.message for error in raised.value.non_block_errors.as_data()] == [
        "Укажите подпись (название) таблицы."
    ]


def test_table_with_caption_is_valid():
    block = DataTableBlock()
    cleaned = block.clean(block.to_python(table()))
    assert cleaned.caption == "Часы приёма граждан"
