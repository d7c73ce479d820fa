"""All-or-nothing import of a disclosure year from XLSX or CSV (layout in columns.py).

Every line is validated first; any error means nothing is written and each error names its line and column in
Russian. A clean file replaces the year's rows in one transaction.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from ..models.disclosures import DisclosureRow, PropertyUse, RealEstateItem, Relation, VehicleItem
from . import columns
from .exclusions import find_person_name, find_private_data

MAX_ERRORS = 200  # enough to fix a file in one pass, bounded so a wrong file cannot flood the page


class ImportFailed(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Person:
    line: int
    relation: str
    name: str
    position: str
    income: Decimal | None
    deal_sources: str
    estates: list = field(default_factory=list)
    vehicles: list = field(default_factory=list)


def read_lines(upload) -> list[list]:
    """The file's cells as lists of values; XLSX by content, CSV (UTF-8, comma or semicolon) otherwise."""
    data = upload.read()
    if data[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # noqa: BLE001 — any unreadable workbook is one clear message
            raise ImportFailed([_("The file cannot be read as an XLSX workbook.")]) from exc
        return [list(values) for values in sheet.iter_rows(values_only=True)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed([_("The file is neither an XLSX workbook nor a CSV file in UTF-8.")]) from exc
    dialect = csv.excel
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;")
    except csv.Error:
        pass
    return list(csv.reader(io.StringIO(text), dialect))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _number(value, errors, where):
    text = _text(value).replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        errors.append(_("%(where)s: «%(value)s» is not a number.") % {"where": where, "value": _text(value)})
        return None
    if number < 0:
        errors.append(_("%(where)s: the number cannot be negative.") % {"where": where})
        return None
    return number


def parse(lines: list[list]) -> list[Person]:
    """Validate every line; raise ImportFailed with all the messages, or return the people in order."""
    errors: list[str] = []
    if not lines:
        raise ImportFailed([_("The file is empty.")])
    header = [_text(cell) for cell in lines[0]]
    expected = columns.headers()
    for index, title in enumerate(expected):
        found = header[index] if index < len(header) else ""
        if found.lower() != title.lower():
            errors.append(
                _("Line 1, column %(column)s: the heading must be «%(expected)s», found «%(found)s».")
                % {"column": index + 1, "expected": title, "found": found}
            )
    if errors:
        raise ImportFailed(errors + [_("Download the template and keep its headings and their order.")])
    people: list[Person] = []
    current_official = None
    for line_number, cells in enumerate(lines[1:], start=2):
        values = {key: (cells[i] if i < len(cells) else None) for i, key in enumerate(columns.KEYS)}
        if all(_text(v) == "" for v in values.values()):
            continue

        def where(key, n=line_number):
            return _("Line %(line)s, column «%(column)s»") % {"line": n, "column": columns.label(key)}

        text = {key: _text(value) for key, value in values.items() if key not in columns.NUMERIC}
        relation_text = text["relation"]
        relation = columns.parse_relation(relation_text) if relation_text else None
        if relation_text and relation is None:
            errors.append(
                _("%(where)s: unknown relation «%(value)s»; write «супруг(а)» or «несовершеннолетний ребёнок».")
                % {"where": where("relation"), "value": relation_text}
            )
        for key, value in text.items():
            if key == "relation":
                continue
            for what in find_private_data(value):
                errors.append(_("%(where)s: must not be published (%(what)s).") % {"where": where(key), "what": what})
        starts = bool(text["name"]) or bool(relation_text)
        if relation_text:
            if text["name"]:
                errors.append(_("%(where)s: a relative's row must not carry a name.") % {"where": where("name")})
            for key, value in text.items():
                if key not in ("name", "relation") and find_person_name(value):
                    errors.append(
                        _("%(where)s: a relative's row must not contain a person's name.") % {"where": where(key)}
                    )
            if text["position"]:
                errors.append(
                    _("%(where)s: a relative's workplace and position are not published.")
                    % {"where": where("position")}
                )
            if current_official is None:
                errors.append(
                    _("Line %(line)s: a relative's row must follow an official's row.") % {"line": line_number}
                )
        elif not starts and not people:
            errors.append(_("%(where)s: the first row must name an official.") % {"where": where("name")})
        elif not starts:
            for key in ("position", "income", "deal_sources"):
                if _text(values[key]):
                    errors.append(
                        _("%(where)s: a continuation line (no name, no relation) carries property only.")
                        % {"where": where(key)}
                    )
        income = _number(values["income"], errors, where("income"))
        if starts:
            person = Person(
                line=line_number,
                relation=relation or Relation.OFFICIAL,
                name="" if relation_text else text["name"],
                position=text["position"],
                income=income,
                deal_sources=text["deal_sources"],
            )
            if person.relation == Relation.OFFICIAL:
                current_official = person
                if not person.position:
                    errors.append(_("%(where)s: enter the official's position.") % {"where": where("position")})
            people.append(person)
        if not people:
            continue
        person = people[-1]
        if text["owned_type"] or _text(values["owned_area"]):
            if not text["owned_type"]:
                errors.append(_("%(where)s: enter the kind of object.") % {"where": where("owned_type")})
            person.estates.append(
                dict(
                    use=PropertyUse.OWNED,
                    object_type=text["owned_type"],
                    ownership_type=text["owned_ownership"],
                    share=text["owned_share"],
                    area=_number(values["owned_area"], errors, where("owned_area")),
                    country=text["owned_country"] or "Россия",
                )
            )
        if text["used_type"] or _text(values["used_area"]):
            if not text["used_type"]:
                errors.append(_("%(where)s: enter the kind of object.") % {"where": where("used_type")})
            person.estates.append(
                dict(
                    use=PropertyUse.USED,
                    object_type=text["used_type"],
                    ownership_type="",
                    share="",
                    area=_number(values["used_area"], errors, where("used_area")),
                    country=text["used_country"] or "Россия",
                )
            )
        if text["vehicle_kind"] or text["vehicle_make"]:
            if not text["vehicle_kind"]:
                errors.append(_("%(where)s: enter the kind of vehicle.") % {"where": where("vehicle_kind")})
            person.vehicles.append(dict(kind=text["vehicle_kind"], make_model=text["vehicle_make"]))
        if len(errors) >= MAX_ERRORS:
            errors.append(_("Too many errors; the check stopped at line %(line)s.") % {"line": line_number})
            break
    if not people and not errors:
        errors.append(_("The file has no rows to import."))
    if errors:
        raise ImportFailed(errors)
    return people


@transaction.atomic
def save(campaign, people: list[Person]) -> int:
    """Replace the campaign's rows by ``people`` (bulk inserts: a 500-official year in a few queries)."""
    DisclosureRow.objects.filter(campaign=campaign).delete()
    rows = [
        DisclosureRow(
            campaign=campaign,
            relation=p.relation,
            sort_order=i,
            name=p.name,
            position=p.position,
            income=p.income,
            deal_sources=p.deal_sources,
        )
        for i, p in enumerate(people)
    ]
    # Officials first, so relatives can point at their primary keys (bulk_create sets them on both engines).
    officials = [row for row in rows if row.relation == Relation.OFFICIAL]
    DisclosureRow.objects.bulk_create(officials, batch_size=500)
    official = None
    for row in rows:
        if row.relation == Relation.OFFICIAL:
            official = row
        else:
            row.official = official
    DisclosureRow.objects.bulk_create([row for row in rows if row.relation != Relation.OFFICIAL], batch_size=500)
    estates, vehicles = [], []
    for row, person in zip(rows, people, strict=True):
        estates += [RealEstateItem(row=row, sort_order=i, **item) for i, item in enumerate(person.estates)]
        vehicles += [VehicleItem(row=row, sort_order=i, **item) for i, item in enumerate(person.vehicles)]
    RealEstateItem.objects.bulk_create(estates, batch_size=500)
    VehicleItem.objects.bulk_create(vehicles, batch_size=500)
    return len(rows)


def import_file(campaign, upload) -> int:
    """Parse, validate and (only if everything is valid) save; returns the number of rows written."""
    return save(campaign, parse(read_lines(upload)))
