"""Import and export of entries as XLSX and CSV: validated, all-or-nothing, errors name the row and the column."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from cms.faq import transfer
from cms.faq.models import FaqEntry

pytestmark = pytest.mark.django_db

HEADINGS = ["Адрес", "Вопрос", "Ответ", "Рубрика", "Теги"]


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, encoding="utf-8-sig", delimiter=";") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pass")
    client.force_login(user)
    return client


def test_export_xlsx_and_csv_hold_every_entry(admin_client, entries):
    response = admin_client.get("/admin/faq/export/xlsx/")
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:5] == tuple(HEADINGS)
    questions = {row[1] for row in rows[1:]}
    assert "Как записаться на личный приём?" in questions and "Секретный черновик про бюджет" in questions
    reception = next(row for row in rows if row[1] == "Как записаться на личный приём?")
    assert reception[3] == "Обращения граждан" and reception[4] == "приём граждан"
    text = admin_client.get("/admin/faq/export/csv/").content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Адрес;Вопрос;Ответ")


def test_export_round_trips_through_import(entries):
    data = transfer.export_xlsx(FaqEntry.objects.all())
    result = transfer.import_entries("faq.xlsx", data)
    assert (result.created, result.updated) == (0, 4)
    assert FaqEntry.objects.count() == 4


def test_import_creates_drafts_and_publishes_on_request(faq_site):
    rows = [
        HEADINGS,
        [
            "",
            "Как получить справку?",
            "Обратитесь в общий отдел.\nСправка выдаётся за 3 дня.",
            "Бюджет",
            "справки, документы",
        ],
        ["novyy-vopros", "Новый вопрос?", "<p>Ответ <script>alert(1)</script><b>важно</b></p>", "", ""],
    ]
    result = transfer.import_entries("faq.xlsx", xlsx(rows))
    assert result.created == 2 and result.published == 0
    assert not FaqEntry.objects.public().exists()
    entry = FaqEntry.objects.get(question="Как получить справку?")
    assert entry.answer == "<p>Обратитесь в общий отдел.</p><p>Справка выдаётся за 3 дня.</p>"
    assert entry.category_id == faq_site["budget"].pk
    assert sorted(entry.tags.names()) == ["документы", "справки"]
    assert "script" not in FaqEntry.objects.get(slug="novyy-vopros").answer
    transfer.import_entries("faq.csv", csv_bytes(rows), publish=True)
    assert FaqEntry.objects.public().count() == 2


def test_import_updates_the_entry_with_the_same_address(entries):
    slug = entries["reception"].slug
    rows = [HEADINGS, [slug, "Как записаться на приём к главе?", "Новый ответ.", "", ""]]
    result = transfer.import_entries("faq.csv", csv_bytes(rows, encoding="cp1251"), publish=True)
    assert (result.created, result.updated) == (0, 1)
    entry = FaqEntry.objects.get(slug=slug)
    assert entry.question == "Как записаться на приём к главе?"
    assert entry.revisions.count() == 2


def test_errors_name_row_and_column_and_nothing_is_written(faq_site):
    rows = [
        HEADINGS,
        ["", "Хороший вопрос?", "Хороший ответ.", "", ""],
        ["", "", "Ответ без вопроса.", "", ""],
        ["плохой адрес", "Вопрос?", "Ответ.", "Нет такой рубрики", ""],
        ["", "Ещё вопрос?", "", "", ""],
    ]
    with pytest.raises(transfer.ImportFailed) as failure:
        transfer.import_entries("faq.xlsx", xlsx(rows))
    assert failure.value.errors == [
        "Строка 3, столбец «Вопрос»: вопрос не заполнен.",
        "Строка 4, столбец «Адрес»: используйте только латинские буквы, цифры и дефисы.",
        "Строка 4, столбец «Рубрика»: на сайте нет рубрики «Нет такой рубрики».",
        "Строка 5, столбец «Ответ»: ответ не заполнен.",
    ]
    assert not FaqEntry.objects.exists()


def test_missing_columns_and_bad_files_are_reported(faq_site):
    with pytest.raises(transfer.ImportFailed) as failure:
        transfer.import_entries("faq.csv", csv_bytes([["Вопрос", "Рубрика"], ["Вопрос?", ""]]))
    assert failure.value.errors == ["Строка 1: нет столбца «Ответ»."]
    for name, data in [("faq.xlsx", b"not a workbook"), ("faq.pdf", b"%PDF"), ("faq.csv", b"")]:
        with pytest.raises(transfer.ImportFailed):
            transfer.import_entries(name, data)


def test_duplicate_addresses_in_one_file_are_rejected(faq_site):
    rows = [HEADINGS, ["odin", "Первый?", "Да.", "", ""], ["odin", "Второй?", "Нет.", "", ""]]
    with pytest.raises(transfer.ImportFailed) as failure:
        transfer.import_entries("faq.xlsx", xlsx(rows))
    assert failure.value.errors == ["Строка 3, столбец «Адрес»: тот же адрес в строке 2."]


def test_import_view_shows_errors_and_keeps_nothing(admin_client, faq_site):
    upload = io.BytesIO(xlsx([HEADINGS, ["", "", "Ответ.", "", ""]]))
    upload.name = "faq.xlsx"
    response = admin_client.post("/admin/faq/import/", {"file": upload})
    assert response.status_code == 200
    assert "Строка 2, столбец «Вопрос»: вопрос не заполнен." in response.content.decode()
    assert not FaqEntry.objects.exists()


def test_import_view_imports_a_good_file(admin_client, faq_site):
    upload = io.BytesIO(xlsx([HEADINGS, ["", "Вопрос?", "Ответ.", "Бюджет", ""]]))
    upload.name = "faq.xlsx"
    response = admin_client.post("/admin/faq/import/", {"file": upload, "publish": "on"})
    assert response.status_code == 302
    assert FaqEntry.objects.public().count() == 1


def test_people_without_rights_cannot_export_or_import(client, django_user_model, entries):
    user = django_user_model.objects.create_user("reader", "r@example.com", "pass")
    client.force_login(user)
    assert client.get("/admin/faq/export/csv/").status_code in (302, 403)
    assert client.get("/admin/faq/import/").status_code in (302, 403)


def test_a_file_exported_before_the_tags_heading_changed_keeps_its_tags(faq_site):
    rows = [["Адрес", "Вопрос", "Ответ", "Рубрика", "Метки"], ["", "Старый вопрос?", "Ответ.", "", "льготы, жильё"]]
    transfer.import_entries("old.csv", csv_bytes(rows))
    entry = FaqEntry.objects.get(question="Старый вопрос?")
    assert sorted(tag.name for tag in entry.tags.all()) == ["жильё", "льготы"]
