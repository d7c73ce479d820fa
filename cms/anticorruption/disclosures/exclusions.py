"""What must never be published in a disclosure table, found in any cell (DOMAIN.md, «Not published»).

Each rule is a named pattern with a message; ``find_private_data`` returns the messages of the rules a text breaks.
The rules err on the side of refusing: an editor can always rephrase («квартира», not «квартира 12»), while a
published home address cannot be taken back.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_I = re.IGNORECASE | re.UNICODE

RULES = (
    (
        "email",
        re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", _I),
        _("an e-mail address"),
    ),
    (
        "phone",
        re.compile(
            r"(?:(?<![\d/])(?:\+7|8)[\s(.-]*\d{3,5}[\s).-]*\d{1,3}[\s.-]*\d{2}[\s.-]*\d{2}(?!\d))"
            r"|(?:(?<![\d/.,])\d{1,3}-\d{2}-\d{2}(?![\d-]))|(?:\bтел(?:\.|ефон)?\b)",
            _I,
        ),
        _("a phone number"),
    ),
    (
        "passport",
        re.compile(r"паспорт|(?<!\d)\d{2}\s?\d{2}\s?№?\s?\d{6}(?!\d)|\bсери[яи]\s*\d", _I),
        _("passport details"),
    ),
    (
        "snils",
        re.compile(r"снилс|(?<!\d)\d{3}[-\s]\d{3}[-\s]\d{3}[-\s]\d{2}(?!\d)", _I),
        _("a SNILS number"),
    ),
    (
        "inn",
        re.compile(r"\bинн\b|(?<![\d.,/])(?:\d{10}|\d{12})(?![\d.,/])", _I),
        _("an INN"),
    ),
    (
        "address",
        re.compile(
            r"(?:\b(?:ул|пр|пер|просп|наб|пл|корп|стр|мкр|ш)\.\s*[А-ЯЁA-Z\d])"
            r"|(?:\b(?:улица|проспект|переулок|бульвар|набережная|шоссе|проезд|тупик|микрорайон|пр-т|б-р)\b)"
            r"|(?:\b(?:д|дом|кв|квартира|комн|комната|офис)\.?\s*№?\s*\d+)"
            r"|(?:(?<!\d)\d{6}(?!\d)\s*,)"
            r"|(?:\d{2}:\d{2}:\d{6,7}:\d+)"
            r"|(?:\bадрес)|(?:\bкадастров)",
            _I,
        ),
        _("an address or exact location"),
    ),
    (
        "plate",
        re.compile(
            r"(?<![А-ЯЁA-Z\d])[АВЕКМНОРСТУХABEKMHOPCTYX]\s?\d{3}\s?[АВЕКМНОРСТУХABEKMHOPCTYX]{2}\s?\d{2,3}(?!\d)"
        ),
        _("a vehicle registration number"),
    ),
)

# A person's name: «Фамилия Имя Отчество», «Фамилия И. О.», «И. О. Фамилия».
# Any grammatical case: «Иванович», «Ивановича», «Ивановны», «Ильиничной».
_PATRONYMIC = r"[А-ЯЁ][а-яё]+(?:(?:ов|ев)?ич(?:а|у|ем|е)?|(?:ов|ев|ич|инич)н(?:а|ы|е|у|ой)|оглы|кызы)"
NAME_PATTERN = re.compile(
    rf"(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+{_PATRONYMIC}\b)"
    rf"|(?:[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+\s*{_PATRONYMIC}\b)"
    r"|(?:[А-ЯЁ][а-яё]{1,}\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)"
    r"|(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+)"
    rf"|(?:\b[А-ЯЁ][а-яё]+\s+{_PATRONYMIC}\b)"
    r"|(?:\b[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+\s+(?:оглы|кызы)\b)",
    re.UNICODE,
)


def find_private_data(text) -> list[str]:
    """The kinds of non-publishable data found in ``text`` (empty when it may be published)."""
    if text is None:
        return []
    text = str(text)
    if not text.strip():
        return []
    return [str(message) for _code, pattern, message in RULES if pattern.search(text)]


def find_person_name(text) -> bool:
    """Whether ``text`` contains a person's name (forbidden anywhere in a relative's row)."""
    return bool(text) and bool(NAME_PATTERN.search(str(text)))


def no_private_data(value):
    """Model-field validator: refuse a cell that carries non-publishable data."""
    found = find_private_data(value)
    if found:
        raise ValidationError(
            _("Must not be published: the text contains %(what)s."),
            code="private_data",
            params={"what": ", ".join(found)},
        )
