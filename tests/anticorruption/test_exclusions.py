"""The corpus of what must never be published in a disclosure table, and of what must pass untouched."""

import pytest

from cms.anticorruption.disclosures.exclusions import find_person_name, find_private_data

MUST_REFUSE = [
    ("квартира, ул. Кедровая, д. 5, кв. 12", "адрес"),
    ("г. Сибирский, улица Строителей 3", "адрес"),
    ("658076, Алтайский край, ЗАТО Сибирский", "адрес"),
    ("дом 14", "адрес"),
    ("кв. 7", "адрес"),
    ("пр-т Ленина", "адрес"),
    ("кадастровый номер 22:71:010101:123", "адрес"),
    ("22:71:010101:123", "адрес"),
    ("земельный участок по адресу садоводство «Рассвет»", "адрес"),
    ("+7 (38532) 2-12-34", "телефон"),
    ("8 913 123-45-67", "телефон"),
    ("89131234567", "телефон"),
    ("тел. 21234", "телефон"),
    ("2-12-34", "телефон"),
    ("ivanov@zato-sibirsky.ru", "электронной почты"),
    ("mail: a.b-c@mail.example.org", "электронной почты"),
    ("паспорт 0104 123456", "паспорт"),
    ("01 04 123456", "паспорт"),
    ("серия 0104", "паспорт"),
    ("СНИЛС 112-233-445 95", "СНИЛС"),
    ("112-233-445 95", "СНИЛС"),
    ("ИНН 220100112233", "ИНН"),
    ("2201001122", "ИНН"),
    ("автомобиль Лада Веста, г/н А123ВС 22", "регистрационный"),
]

MUST_PASS = [
    "квартира",
    "земельный участок для ведения личного подсобного хозяйства",
    "общая долевая",
    "1/2",
    "54,3",
    "1 250 000,50",
    "Россия",
    "автомобиль легковой",
    "Лада Веста",
    "Тойота Камри 2019 г. в.",
    "Хендай Солярис",
    "мотолодка Казанка-5М",
    "Глава ЗАТО Сибирский",
    "Заместитель главы администрации по социальным вопросам",
    "Начальник отдела ЖКХ",
    "Доход по основному месту работы, накопления за предыдущие годы, ипотечный кредит",
    "садовый дом",
    "гараж",
    "машино-место",
    "нежилое помещение",
    "Берёзкин Алексей Петрович",  # an official's own name is published
    "жилой дом, общая совместная",
]

NAMES = [
    "Иванова Мария Петровна",
    "Иванов Пётр Сергеевич",
    "Петров И. С.",
    "И.С. Петров",
    "Мамедов Рашид Ильхам оглы",
    "сын Иванов Иван Иванович",
    "накопления Петровой Анны Ивановны",
    "со слов Сидорова Петра Ильича",
]

NOT_NAMES = ["квартира", "Супруга", "несовершеннолетний ребёнок", "Россия", "Лада Веста", "общая долевая (1/2)"]


@pytest.mark.parametrize(("text", "kind"), MUST_REFUSE)
def test_private_data_is_found(text, kind):
    found = find_private_data(text)
    assert found, text
    assert any(kind in message for message in found), (text, found)


@pytest.mark.parametrize("text", MUST_PASS)
def test_publishable_text_passes(text):
    assert find_private_data(text) == []


@pytest.mark.parametrize("text", NAMES)
def test_names_are_found(text):
    assert find_person_name(text)


@pytest.mark.parametrize("text", NOT_NAMES)
def test_relation_words_are_not_names(text):
    assert not find_person_name(text)


def test_model_fields_refuse_private_data(campaign):
    from django.core.exceptions import ValidationError

    row = campaign.rows.filter(relation="official").first()
    row.position = "Начальник отдела, тел. 2-12-34"
    with pytest.raises(ValidationError) as raised:
        row.full_clean()
    assert "position" in raised.value.message_dict


def test_relative_row_refuses_a_name(campaign):
    from django.core.exceptions import ValidationError

    relative = campaign.rows.exclude(relation="official").first()
    relative.name = "Берёзкина Анна Ивановна"
    with pytest.raises(ValidationError) as raised:
        relative.full_clean()
    assert "name" in raised.value.message_dict
