"""Indicators from XLSX or CSV: all rows or none, problems named by row and column in Russian."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from cms.declarations.importer import ImportFailed, import_indicators
from cms.declarations.models import Indicator
from tests.declarations.conftest import indicator, make_declaration

pytestmark = pytest.mark.django_db

HEADER = [
    "Цель",
    "Показатель",
    "Единица измерения",
    "Базовое значение",
    "Направление",
    "План I кв.",
    "План год",
    "Факт I кв.",
    "Факт год",
]


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_import_creates_indicators_in_file_order(area):
    page = make_declaration(area["declarations"], 2026)
    content = xlsx(
        [
            HEADER,
            ["Доступность услуг", "Доля услуг в электронном виде", "%", 40, "больше — лучше", 45, 60, 46, None],
            ["Доступность услуг", "Срок предоставления услуги", "дней", "15", "меньше — лучше", "14,5", 10, None, None],
        ]
    )
    result = import_indicators(page, "indicators.xlsx", content)
    assert (result.created, result.updated) == (2, 0)
    first, second = Indicator.objects.filter(declaration=page).order_by("sort_order")
    assert (first.name, first.unit, first.baseline, first.direction) == (
        "Доля услуг в электронном виде",
        "%",
        40,
        "higher",
    )
    assert (first.target_q1, first.target_year, first.actual_q1, first.actual_year) == (45, 60, 46, None)
    assert (second.direction, second.target_q1, second.baseline) == ("lower", Decimal("14.5"), 15)


def test_csv_import_with_semicolons_updates_by_name(area):
    page = make_declaration(area["declarations"], 2026, indicators=[indicator("Срок ответа", "дней", target_q1=5)])
    csv_text = "Показатель;Единица измерения;Направление;План I кв.;Факт I кв.\nСрок ответа;дней;меньше — лучше;4;3\n"
    result = import_indicators(page, "data.csv", csv_text.encode("utf-8-sig"))
    assert (result.created, result.updated) == (0, 1)
    only = Indicator.objects.get(declaration=page)
    assert (only.target_q1, only.actual_q1, only.direction) == (4, 3, "lower")


def test_one_bad_row_imports_nothing_and_every_problem_names_row_and_column(area):
    page = make_declaration(area["declarations"], 2026, indicators=[indicator("Старый", target_q1=1)])
    content = xlsx(
        [
            HEADER,
            ["Цель", "Хороший показатель", "%", 1, "больше — лучше", 1, 1, 1, 1],
            ["Цель", "", "%", "много", "вверх", 1, 1, 1, 1],
            ["Цель", "Хороший показатель", "%", 1, "", 1, 1, 1, 1],
        ]
    )
    with pytest.raises(ImportFailed) as failure:
        import_indicators(page, "bad.xlsx", content)
    assert failure.value.errors == [
        "Строка 3, столбец B «Показатель»: значение обязательно.",
        "Строка 3, столбец D «Базовое значение»: «много» — не число.",
        "Строка 3, столбец E «Направление»: «вверх» — напишите «больше — лучше» или «меньше — лучше».",
        "Строка 4: показатель «Хороший показатель» уже есть в строке 2.",
    ]
    assert list(Indicator.objects.filter(declaration=page).values_list("name", flat=True)) == ["Старый"]


def test_unknown_and_missing_columns_are_reported_from_the_header(area):
    page = make_declaration(area["declarations"], 2026)
    with pytest.raises(ImportFailed) as failure:
        import_indicators(page, "x.xlsx", xlsx([["Показатель", "Цвет"], ["А", "красный"]]))
    assert failure.value.errors == [
        "Строка 1, столбец B: неизвестный столбец «Цвет».",
        "Строка 1: нет столбца «Единица измерения».",
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.txt", b"hello", "Загрузите файл XLSX или CSV."),
        ("x.xlsx", b"not a zip", "Файл не является читаемой книгой XLSX."),
        ("x.csv", b"", "Файл пуст."),
        ("x.csv", "Показатель;Единица измерения\n".encode(), "В файле нет строк под заголовком."),
    ],
)
def test_unreadable_files_are_refused_with_one_message(area, name, content, message):
    page = make_declaration(area["declarations"], 2026)
    with pytest.raises(ImportFailed) as failure:
        import_indicators(page, name, content)
    assert failure.value.errors == [message]


def test_admin_import_page_shows_errors_and_keeps_nothing(client, area):
    page = make_declaration(area["declarations"], 2026)
    admin = get_user_model().objects.create_superuser("admin", "admin@example.ru", "pw")
    client.force_login(admin)
    bad = SimpleUploadedFile("bad.csv", "Показатель;Единица измерения\n;%\n".encode())
    response = client.post("/admin/declarations/import-indicators/", {"declaration": page.pk, "file": bad})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Ничего не импортировано" in text
    assert "Строка 2, столбец A «Показатель»: значение обязательно." in text
    assert not Indicator.objects.exists()
    good = SimpleUploadedFile("good.csv", "Показатель;Единица измерения;План год\nА;%;5\n".encode())
    response = client.post("/admin/declarations/import-indicators/", {"declaration": page.pk, "file": good})
    assert response.status_code == 302
    assert Indicator.objects.get().target_year == 5


def test_admin_import_needs_indicator_permissions(client, area):
    user = get_user_model().objects.create_user("editor", "e@example.ru", "pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/declarations/import-indicators/").status_code == 403
