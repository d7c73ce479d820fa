"""Indicators from a spreadsheet (XLSX or CSV): everything is checked first, then all rows are written or none.

One row per indicator; the first row names the columns (in Russian, as an editor types them; the order is free).
Every problem is reported with its row and column, e.g. «Строка 4, столбец D «План I кв.»: «abc» — не число».
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from cms.declarations.models.indicators import PERIODS, Direction, Indicator

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024

# Normalised header → field. Headers are lower-cased, «ё» → «е», dots and extra spaces dropped.
COLUMNS = {
    "цель": "goal",
    "показатель": "name",
    "индикатор": "name",
    "наименование показателя": "name",
    "единица измерения": "unit",
    "единица": "unit",
    "ед изм": "unit",
    "базовое значение": "baseline",
    "направление": "direction",
}
_ROMAN = {"i": "q1", "ii": "q2", "iii": "q3", "iv": "q4", "1": "q1", "2": "q2", "3": "q3", "4": "q4"}
REQUIRED = ("name", "unit")
DIRECTIONS = {
    "больше лучше": Direction.HIGHER,
    "больше - лучше": Direction.HIGHER,
    "рост": Direction.HIGHER,
    "выше лучше": Direction.HIGHER,
    "higher": Direction.HIGHER,
    "↑": Direction.HIGHER,
    "меньше лучше": Direction.LOWER,
    "меньше - лучше": Direction.LOWER,
    "снижение": Direction.LOWER,
    "ниже лучше": Direction.LOWER,
    "lower": Direction.LOWER,
    "↓": Direction.LOWER,
}
EMPTY = {"", "-", "—", "–"}


class ImportFailed(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    names: list = field(default_factory=list)


def normalise(header) -> str:
    text = str(header or "").strip().lower().replace("ё", "е").replace("—", "-").replace("–", "-")
    text = re.sub(r"[.,:()]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def column_field(header) -> str | None:
    text = normalise(header)
    if text in COLUMNS:
        return COLUMNS[text]
    match = re.fullmatch(
        r"(план|цель на|факт|фактическое значение)\s+(?:за\s+)?(i{1,3}|iv|[1-4])\s*(?:кв|квартал)", text
    )
    if match:
        kind = "actual" if match.group(1).startswith("факт") else "target"
        return f"{kind}_{_ROMAN[match.group(2)]}"
    match = re.fullmatch(r"(план|факт|фактическое значение)\s+(?:на\s+|за\s+)?год", text)
    if match:
        return ("actual" if match.group(1).startswith("факт") else "target") + "_year"
    return None


def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def read_rows(filename: str, content: bytes) -> list[list]:
    """The sheet's rows as lists of cell values (the first worksheet of an XLSX; a CSV with ; or , separators)."""
    if len(content) > MAX_BYTES:
        raise ImportFailed([_("The file is larger than 5 MB.")])
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            raise ImportFailed([_("The file is not a readable XLSX workbook.")]) from exc
        try:
            return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    if name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = content.decode("cp1251")
            except UnicodeDecodeError as exc:
                raise ImportFailed([_("The CSV file must be in UTF-8 or Windows-1251.")]) from exc
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") >= first.count(",") else ","
        return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    raise ImportFailed([_("Upload an XLSX or CSV file.")])


def parse_number(value):
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int | float | Decimal):
        return _checked(Decimal(str(value)))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if text in EMPTY:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError from exc
    return _checked(number)


def _checked(number: Decimal) -> Decimal:
    # The column holds 13 digits before the point and 3 after (DecimalField(16, 3)).
    if not number.is_finite() or abs(number) >= Decimal(10) ** 13:
        raise ValueError
    return number.quantize(Decimal("0.001"))


def parse(rows: list[list]) -> list[dict]:
    """Validate every row; returns the indicators' values or raises ImportFailed with every problem found."""
    rows = [row for row in rows if any(cell not in (None, "") and str(cell).strip() for cell in row)]
    if not rows:
        raise ImportFailed([_("The file is empty.")])
    header, body = rows[0], rows[1:]
    fields, errors = {}, []
    for index, title in enumerate(header):
        if title is None or not str(title).strip():
            continue
        name = column_field(title)
        if name is None:
            errors.append(
                _("Row 1, column %(col)s: unknown column «%(title)s».") % {"col": column_letter(index), "title": title}
            )
        elif name in fields.values():
            errors.append(
                _("Row 1, column %(col)s: the column «%(title)s» is repeated.")
                % {"col": column_letter(index), "title": title}
            )
        else:
            fields[index] = name
    missing = [r for r in REQUIRED if r not in fields.values()]
    labels = {"name": _("Indicator"), "unit": _("Unit of measurement")}
    for name in missing:
        errors.append(_("Row 1: the column «%(title)s» is missing.") % {"title": labels[name]})
    if errors:
        raise ImportFailed(errors)
    if not body:
        raise ImportFailed([_("The file has no rows below the header.")])
    if len(body) > MAX_ROWS:
        raise ImportFailed([_("The file has more than %(max)s rows.") % {"max": MAX_ROWS}])
    parsed, seen = [], {}
    for offset, row in enumerate(body, start=2):
        values = {"direction": Direction.HIGHER}
        for index, name in fields.items():
            cell = row[index] if index < len(row) else None
            where = {"row": offset, "col": column_letter(index), "title": header[index]}
            if name in ("goal", "name", "unit"):
                values[name] = "" if cell is None else str(cell).strip()
                if name in REQUIRED and not values[name]:
                    errors.append(_("Row %(row)s, column %(col)s «%(title)s»: the value is required.") % where)
            elif name == "direction":
                text = normalise(cell).replace(" - ", " ").replace("-", " ")
                if text:
                    direction = DIRECTIONS.get(text) or DIRECTIONS.get(normalise(cell))
                    if direction is None:
                        errors.append(
                            _(
                                "Row %(row)s, column %(col)s «%(title)s»: «%(value)s» — write «больше — лучше» "
                                "or «меньше — лучше»."
                            )
                            % {**where, "value": cell}
                        )
                    else:
                        values["direction"] = direction
            else:
                try:
                    values[name] = parse_number(cell)
                except ValueError:
                    errors.append(
                        _("Row %(row)s, column %(col)s «%(title)s»: «%(value)s» is not a number.")
                        % {**where, "value": cell}
                    )
        name = values.get("name")
        if name:
            if name in seen:
                errors.append(
                    _("Row %(row)s: the indicator «%(name)s» is already in row %(first)s.")
                    % {"row": offset, "name": name, "first": seen[name]}
                )
            seen[name] = offset
        for key, limit in (("name", 500), ("goal", 500), ("unit", 100)):
            if len(values.get(key) or "") > limit:
                errors.append(
                    _("Row %(row)s: «%(field)s» is longer than %(limit)s characters.")
                    % {"row": offset, "field": key, "limit": limit}
                )
        parsed.append(values)
    if errors:
        raise ImportFailed(errors)
    return parsed


VALUE_FIELDS = ["goal", "unit", "baseline", "direction"] + [f"{k}_{p}" for k in ("target", "actual") for p in PERIODS]


def import_indicators(declaration, filename: str, content: bytes) -> Result:
    """Create or update ``declaration``'s indicators from the file (matched by name); all rows or none."""
    parsed = parse(read_rows(filename, content))
    result = Result()
    with transaction.atomic():
        existing = {i.name: i for i in Indicator.objects.select_for_update().filter(declaration=declaration)}
        to_create, to_update = [], []
        for order, values in enumerate(parsed):
            indicator = existing.get(values["name"]) or Indicator(declaration=declaration, name=values["name"])
            indicator.sort_order = order
            for key in VALUE_FIELDS:
                if key in values:
                    setattr(indicator, key, values[key])
            (to_update if indicator.pk else to_create).append(indicator)
            result.names.append(values["name"])
        Indicator.objects.bulk_create(to_create)
        if to_update:
            Indicator.objects.bulk_update(to_update, VALUE_FIELDS + ["sort_order"])
        result.created, result.updated = len(to_create), len(to_update)
        from cms.declarations.services import indicators_changed

        indicators_changed(declaration)
    return result
