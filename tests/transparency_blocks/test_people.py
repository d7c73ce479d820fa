import pytest
from wagtail.blocks import StructBlockValidationError

from transparency_blocks.blocks import PersonBlock


def person(**overrides):
    value = {
        "name": "Иванов Иван Иванович",
        "position": "Глава ЗАТО Сибирский",
        "photo": None,
        "photo_alt": "",
        "phone": "+7 (38532) 5-00-00",
        "email": "glava@example.ru",
        "reception_hours": "Вторник, 14:00–17:00\nЧетверг, 9:00–12:00",
    }
    return {**value, **overrides}


@pytest.mark.django_db
def test_person_renders_name_position_and_contact_links(render_stream):
    html = render_stream(("person", person()))
    assert '<p class="person__name">Иванов Иван Иванович</p>' in html
    assert '<p class="person__position">Глава ЗАТО Сибирский</p>' in html
    assert '<a href="tel:+73853250000">+7 (38532) 5-00-00</a>' in html
    assert '<a href="mailto:glava@example.ru">glava@example.ru</a>' in html
    assert "<dt>Часы приёма</dt><dd>Вторник, 14:00–17:00<br>Четверг, 9:00–12:00</dd>" in html
    assert "<img" not in html


def test_person_photo_carries_its_alt_text(render_stream, make_image):
    image = make_image()
    html = render_stream(("person", person(photo=image.pk, photo_alt="Портрет И. И. Иванова")))
    assert 'alt="Портрет И. И. Иванова"' in html
    assert "<img" in html


def test_person_whose_photo_was_deleted_renders_without_image(render_stream, make_image):
    image = make_image()
    pk = image.pk
    image.delete()
    html = render_stream(("person", person(photo=pk, photo_alt="Портрет")))
    assert "<img" not in html
    assert "Иванов Иван Иванович" in html


def test_person_whose_photo_file_is_missing_renders_without_error(render_stream, make_image):
    image = make_image()
    image.file.storage.delete(image.file.name)
    html = render_stream(("person", person(photo=image.pk, photo_alt="Портрет")))
    assert "Иванов Иван Иванович" in html


def test_photo_without_alt_text_is_refused_in_russian(make_image):
    image = make_image()
    block = PersonBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(person(photo=image.pk, photo_alt=" ")))
    assert raised.value.block_errors["photo_alt"].messages == [
        "Опишите фотографию для посетителей, которые не могут её увидеть."
    ]


@pytest.mark.django_db
def test_person_without_photo_needs_no_alt_text():
    block = PersonBlock()
    cleaned = block.clean(block.to_python(person()))
    assert cleaned["name"] == "Иванов Иван Иванович"
