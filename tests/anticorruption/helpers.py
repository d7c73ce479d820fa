import io

from openpyxl import Workbook

from cms.anticorruption.disclosures import columns


def line(**values):
    return [values.get(key, "") for key in columns.KEYS]


def xlsx(lines, headers=None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers or columns.headers())
    for cells in lines:
        sheet.append([None if cell == "" else cell for cell in cells])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "year.xlsx"
    return buffer


def csv_file(lines, headers=None, delimiter=","):
    import csv

    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    writer.writerow(headers or columns.headers())
    writer.writerows(lines)
    buffer = io.BytesIO(text.getvalue().encode("utf-8"))
    buffer.name = "year.csv"
    return buffer


def valid_lines(officials=2):
    lines = []
    for index in range(officials):
        lines += [
            line(
                number=index + 1,
                name=f"Официалов{index} Иван Петрович",
                position="Начальник отдела",
                income="1 250 000,50",
                owned_type="квартира",
                owned_ownership="общая долевая",
                owned_share="1/2",
                owned_area="54,3",
                owned_country="Россия",
                vehicle_kind="автомобиль легковой",
                vehicle_make="Лада Веста",
            ),
            line(owned_type="земельный участок", owned_ownership="индивидуальная", owned_area=600),
            line(
                relation="супруг(а)",
                income=480000,
                owned_type="квартира",
                owned_ownership="общая долевая",
                owned_share="1/2",
                owned_area="54.3",
            ),
            line(relation="несовершеннолетний ребёнок", used_type="квартира", used_area="54.3"),
        ]
    return lines
