"""Import of a disclosure year: template, all-or-nothing, Russian messages naming line and column."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from cms.anticorruption.disclosures import importer
from cms.anticorruption.models import DisclosureCampaign, DisclosureRow, RealEstateItem, Relation, VehicleItem

from .helpers import csv_file, line, valid_lines, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    return DisclosureCampaign.objects.create(year=2025)


def test_xlsx_import_builds_officials_with_relatives_and_property(year):
    assert importer.import_file(year, xlsx(valid_lines(2))) == 6
    officials = DisclosureRow.objects.filter(campaign=year, relation=Relation.OFFICIAL).order_by("sort_order")
    assert [o.name for o in officials] == ["Официалов0 Иван Петрович", "Официалов1 Иван Петрович"]
    first = officials[0]
    assert first.income == Decimal("1250000.50")
    assert [e.object_type for e in first.real_estate.order_by("sort_order")] == ["квартира", "земельный участок"]
    assert first.vehicles.get().make_model == "Лада Веста"
    relatives = list(first.relatives.order_by("sort_order"))
    assert [r.relation for r in relatives] == [Relation.SPOUSE, Relation.CHILD]
    assert all(r.name == "" for r in relatives)
    assert relatives[1].real_estate.get().use == "used"


def test_csv_import_with_semicolons(year):
    assert importer.import_file(year, csv_file(valid_lines(1), delimiter=";")) == 3


def test_reimport_replaces_the_year_only(year):
    other = DisclosureCampaign.objects.create(year=2024)
    importer.import_file(other, xlsx(valid_lines(1)))
    importer.import_file(year, xlsx(valid_lines(2)))
    importer.import_file(year, xlsx(valid_lines(1)))
    assert DisclosureRow.objects.filter(campaign=year).count() == 3
    assert DisclosureRow.objects.filter(campaign=other).count() == 3


def test_any_error_saves_nothing_and_names_line_and_column(year):
    importer.import_file(year, xlsx(valid_lines(1)))
    before = (DisclosureRow.objects.count(), RealEstateItem.objects.count(), VehicleItem.objects.count())
    lines = valid_lines(3)
    lines[5] = line(owned_type="квартира, ул. Кедровая, д. 5, кв. 12")  # line 7 of the file
    lines[6] = line(relation="супруга", name="Иванова Мария Петровна")  # line 8
    lines[9] = line(relation="ребёнок", used_type="квартира", used_area="много")  # line 11
    with pytest.raises(importer.ImportFailed) as failure:
        importer.import_file(year, xlsx(lines))
    errors = failure.value.errors
    assert "Строка 7, столбец «Недвижимость в собственности: вид объекта»: не подлежит публикации (адрес" in errors[0]
    assert any(
        e.startswith("Строка 8, столбец «Фамилия, имя, отчество»: в строке родственника не указывается имя")
        for e in errors
    )
    assert any(
        e.startswith("Строка 11, столбец «Недвижимость в пользовании: площадь, кв. м»: «много» — не число")
        for e in errors
    )
    assert (DisclosureRow.objects.count(), RealEstateItem.objects.count(), VehicleItem.objects.count()) == before


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        (line(name="Петров Пётр Петрович", position="Водитель, тел. 8 913 123-45-67"), "номер телефона"),
        (line(name="Петров Пётр Петрович", position="Водитель", deal_sources="ИНН 220100112233"), "ИНН"),
        (
            line(
                name="Петров Пётр Петрович",
                position="Водитель",
                owned_type="квартира",
                owned_ownership="паспорт 0104 123456",
            ),
            "паспортные данные",
        ),
        (
            line(
                name="Петров Пётр Петрович",
                position="Водитель",
                vehicle_kind="автомобиль",
                vehicle_make="petrov@mail.example",
            ),
            "электронной почты",
        ),
        (line(relation="супруг(а)", position="бухгалтер ООО «Ромашка»"), "место работы и должность родственника"),
        (line(relation="брат"), "неизвестная степень родства «брат»"),
        (line(name="Петров Пётр Петрович"), "укажите должность"),
        (line(name="Петров Пётр Петрович", position="Водитель", income="-5"), "отрицательным"),
        (line(relation="супруг(а)", deal_sources="накопления Петровой Анны Ивановны"), "не должна содержать фамилию"),
    ],
)
def test_each_rule_has_a_russian_message(year, bad_line, message):
    with pytest.raises(importer.ImportFailed) as failure:
        importer.import_file(year, xlsx(valid_lines(1) + [bad_line]))
    assert any(message in error and error.startswith("Строка 6") for error in failure.value.errors), (
        failure.value.errors
    )
    assert not DisclosureRow.objects.filter(campaign=year).exists()


def test_wrong_headings_are_named(year):
    headers = ["№", "ФИО"]
    with pytest.raises(importer.ImportFailed) as failure:
        importer.import_file(year, xlsx(valid_lines(1), headers=headers))
    assert failure.value.errors[0].startswith("Строка 1, столбец 1: заголовок должен быть «№ п/п»")


def test_not_a_spreadsheet(year):
    import io

    upload = io.BytesIO(b"\xff\xfe\x00binary")
    with pytest.raises(importer.ImportFailed) as failure:
        importer.import_file(year, upload)
    assert "UTF-8" in failure.value.errors[0]


def test_relative_first_is_refused(year):
    with pytest.raises(importer.ImportFailed) as failure:
        importer.import_file(year, xlsx([line(relation="супруг(а)")]))
    assert "должна следовать за строкой служащего" in " ".join(failure.value.errors)


def test_exported_year_imports_back_unchanged(campaign):
    from cms.anticorruption.disclosures import export

    data = export.render(campaign, "xlsx")
    copy = DisclosureCampaign.objects.create(year=2026)
    import io

    importer.import_file(copy, io.BytesIO(data))
    assert export.render(copy, "csv") == export.render(campaign, "csv")


@pytest.fixture
def importer_client(client):
    user = User.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(user)
    return client


def test_admin_import_view_shows_errors_and_saves_nothing(importer_client, year):
    lines = valid_lines(1) + [line(name="Петров Пётр Петрович", position="Водитель, тел. 2-12-34")]
    response = importer_client.post("/admin/anticorruption/import/", {"campaign": year.pk, "file": xlsx(lines)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ничего не загружено" in page
    assert "Строка 6, столбец «Должность»: не подлежит публикации (номер телефона)" in page
    assert not DisclosureRow.objects.exists()
    ok = importer_client.post("/admin/anticorruption/import/", {"campaign": year.pk, "file": xlsx(valid_lines(1))})
    assert ok.status_code == 302
    assert DisclosureRow.objects.count() == 3


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_template_downloads_and_imports(importer_client, year, fmt):
    import io

    response = importer_client.get(f"/admin/anticorruption/import/template.{fmt}")
    assert response.status_code == 200
    assert f"disclosures-template.{fmt}" in response["Content-Disposition"]
    assert importer.import_file(year, io.BytesIO(response.content)) == 3


def test_import_needs_permission(client, year):
    editor = User.objects.create_user("editor", password="x")
    client.force_login(editor)
    response = client.get("/admin/anticorruption/import/")
    assert response.status_code in (302, 403)
