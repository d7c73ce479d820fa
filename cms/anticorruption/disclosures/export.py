"""Downloads of a published disclosure year: CSV and XLSX in the import layout, JSON in the Declarator format."""

import csv
import io
import json
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _

from ..models.disclosures import PropertyUse, Relation
from . import columns
from .table import build_table

# The Declarator import format (cms/anticorruption/schemas/declarator-import-schema.json) marks relatives so.
DECLARATOR_RELATIVE = {Relation.OFFICIAL: None, Relation.SPOUSE: "Супруг(а)", Relation.CHILD: "Ребенок"}
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


def _cell(value):
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


def to_csv(lines) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    writer.writerow(columns.headers())
    for line in lines:
        writer.writerow(["" if line[key] is None else line[key] for key in columns.KEYS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM lets spreadsheet programs detect UTF-8


def to_xlsx(lines, title="") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = (title or _("Disclosures"))[:31]
    sheet.append(columns.headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for line in lines:
        sheet.append([_cell(line[key]) if line[key] != "" else None for key in columns.KEYS])
    sheet.freeze_panes = "A2"
    for index, width in enumerate((6, 30, 16, 40, 16, 22, 20, 8, 10, 12, 22, 10, 12, 20, 20, 30), start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_lines() -> list[dict]:
    """Example lines of the template: an official with two objects, a spouse and a child (fictional)."""
    blank = dict.fromkeys(columns.KEYS, "")
    return [
        {
            **blank,
            "number": 1,
            "name": "Иванов Иван Иванович",
            "position": "Начальник отдела",
            "income": "1250000.50",
            "owned_type": "квартира",
            "owned_ownership": "общая долевая",
            "owned_share": "1/2",
            "owned_area": "54.3",
            "owned_country": "Россия",
            "vehicle_kind": "автомобиль легковой",
            "vehicle_make": "Лада Веста",
        },
        {
            **blank,
            "owned_type": "земельный участок",
            "owned_ownership": "индивидуальная",
            "owned_area": "600",
            "owned_country": "Россия",
        },
        {
            **blank,
            "relation": "супруг(а)",
            "income": "480000",
            "owned_type": "квартира",
            "owned_ownership": "общая долевая",
            "owned_share": "1/2",
            "owned_area": "54.3",
            "owned_country": "Россия",
        },
        {
            **blank,
            "relation": "несовершеннолетний ребёнок",
            "used_type": "квартира",
            "used_area": "54.3",
            "used_country": "Россия",
        },
    ]


def declarator_json(campaign, table, page_url: str = "") -> list[dict]:
    """One entry per official, their relatives' items marked with the format's relative values."""
    people, current = [], None
    for person in table:
        row = person.row
        if row.relation == Relation.OFFICIAL:
            current = {
                "person": {"name_raw": row.name, "name": row.name, "role": row.position},
                "year": campaign.year,
                "document": {
                    "type": "Антикоррупционная декларация",
                    "name": campaign.display_title,
                    "page_url": page_url,
                    "url": page_url,
                },
                "incomes": [],
                "real_estates": [],
                "vehicles": [],
            }
            people.append(current)
        relative = DECLARATOR_RELATIVE[row.relation]
        if row.income is not None:
            current["incomes"].append({"size": _cell(row.income), "relative": relative})
        for owned, used, vehicle in person.lines:
            for item in (owned, used):
                if item is None:
                    continue
                text = ", ".join(part for part in (item.object_type, item.ownership_type, item.share) if part)
                estate = {
                    "text": text,
                    "type": item.object_type,
                    "square": _cell(item.area) if item.area is not None else None,
                    "country": item.country or None,
                    "own_type": "В собственности" if item.use == PropertyUse.OWNED else "В пользовании",
                    "own_type_raw": item.ownership_type or None,
                    "relative": relative,
                }
                share = _share(item.share)
                if share is not None:
                    estate["share_amount"] = share
                    estate["share_amount_raw"] = item.share
                current["real_estates"].append(estate)
            if vehicle is not None:
                current["vehicles"].append(
                    {
                        "text": f"{vehicle.kind} {vehicle.make_model}".strip(),
                        "type": vehicle.kind,
                        "model": vehicle.make_model or None,
                        "relative": relative,
                    }
                )
    return people


def _share(text: str):
    """«1/2» → 0.5; anything else (empty, words) → None."""
    numerator, sep, denominator = (text or "").replace(" ", "").partition("/")
    if sep and numerator.isdigit() and denominator.isdigit() and int(denominator):
        return round(int(numerator) / int(denominator), 6)
    return None


def render(campaign, fmt: str, page_url: str = "") -> bytes:
    table = build_table(campaign)
    if fmt == "json":
        return json.dumps(declarator_json(campaign, table, page_url), ensure_ascii=False, indent=1).encode("utf-8")
    lines = columns.flatten(table)
    return to_csv(lines) if fmt == "csv" else to_xlsx(lines, str(campaign.year))


def response(campaign, fmt: str, page_url: str = "") -> HttpResponse:
    result = HttpResponse(render(campaign, fmt, page_url), content_type=CONTENT_TYPES[fmt])
    result["Content-Disposition"] = f'attachment; filename="disclosures-{campaign.year}.{fmt}"'
    return result


def template_response(fmt: str) -> HttpResponse:
    lines = template_lines()
    body = to_csv(lines) if fmt == "csv" else to_xlsx(lines, _("Template"))
    result = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    result["Content-Disposition"] = f'attachment; filename="disclosures-template.{fmt}"'
    return result
