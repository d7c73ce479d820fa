import pytest

from transparency_blocks.blocks import tel_href


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("+7 (38532) 5-00-00", "tel:+73853250000"),
        ("8 (38532) 5-00-01", "tel:83853250001"),
        ("+7 (38532) 5-00-00, доб. 12", "tel:+73853250000;ext=12"),
        ("112", "tel:112"),
        ("по записи", ""),
        ("", ""),
    ],
)
def test_tel_href_dials_digits_only(phone, href):
    assert tel_href(phone) == href


def test_contact_details_render_an_address_with_tel_and_mailto_links(render_stream):
    html = render_stream(
        (
            "contact_details",
            {
                "address": "658076, Алтайский край,\nЗАТО Сибирский, ул. Кедровая, 1",
                "phones": ["+7 (38532) 5-00-00", "+7 (38532) 5-00-01"],
                "email": "admin@example.ru",
                "working_hours": "Пн–Пт 8:00–17:00",
            },
        )
    )
    assert '<address class="contact-details">' in html
    assert "<dd>658076, Алтайский край,<br>ЗАТО Сибирский, ул. Кедровая, 1</dd>" in html
    assert "<dt>Телефоны</dt>" in html
    assert '<a href="tel:+73853250000">+7 (38532) 5-00-00</a>' in html
    assert '<a href="tel:+73853250001">+7 (38532) 5-00-01</a>' in html
    assert '<a href="mailto:admin@example.ru">admin@example.ru</a>' in html
    assert "<dt>Режим работы</dt><dd>Пн–Пт 8:00–17:00</dd>" in html


def test_contact_details_leave_out_what_is_empty(render_stream):
    html = render_stream(
        ("contact_details", {"address": "", "phones": ["8 (38532) 5-00-00"], "email": "", "working_hours": ""})
    )
    assert "<dt>Телефон</dt>" in html
    assert "mailto:" not in html
    assert "Адрес" not in html
