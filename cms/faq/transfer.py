"""Export and import of FAQ entries as XLSX or CSV.

An import is all-or-nothing: every row is checked first and any problem is reported as «Строка N, столбец «…»: …»
with nothing written; only a clean file is saved, in one transaction, as new revisions (published when asked).
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Page

from cms.faq.models import FaqEntry
from cms.faq.models.entry import ANSWER_FEATURES
from cms.faq.owners import give_entry_an_owner

MAX_ROWS = 5000
MAX_FILE_BYTES = 5 * 1024 * 1024

# (key, heading): exported in this order; an import finds columns by heading or by key, in any order.
COLUMNS = [
    ("slug", gettext_lazy("Address")),
    ("question", gettext_lazy("Question")),
    ("answer", gettext_lazy("Answer")),
    ("category", gettext_lazy("Category")),
    ("tags", gettext_lazy("Tags")),
    ("status", gettext_lazy("Status")),
    ("views", gettext_lazy("Views")),
    ("helpful_yes", gettext_lazy("Helpful")),
    ("helpful_no", gettext_lazy("Not helpful")),
]
REQUIRED = ("question", "answer")
# Headings earlier exports wrote, still read so that re-importing an old file loses nothing.
FORMER_HEADINGS = {"метки": "tags"}
IMPORTED = ("slug", "question", "answer", "category", "tags")


class ImportFailed(Exception):
    """The file cannot be imported; ``errors`` are readable lines naming the row and column."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


def heading(key) -> str:
    return str(dict(COLUMNS)[key])


# ---- export ------------------------------------------------------------------------------------------------------


def export_rows(entries):
    yield [str(label) for _key, label in COLUMNS]
    for entry in entries.select_related("category").prefetch_related("tags"):
        yield [
            entry.slug,
            entry.question,
            entry.answer,
            entry.category.title if entry.category else "",
            ", ".join(sorted(tag.name for tag in entry.tags.all())),
            pgettext("FAQ entry status", "published") if entry.live else _("draft"),
            entry.view_count,
            entry.helpful_yes,
            entry.helpful_no,
        ]


def export_csv(entries) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")  # what Russian-locale spreadsheets open without asking
    writer.writerows(export_rows(entries))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8


def export_xlsx(entries) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(gettext_lazy("FAQ"))[:31])
    for row in export_rows(entries):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---- reading files -----------------------------------------------------------------------------------------------


def read_table(name: str, data: bytes) -> list[list[str]]:
    """The rows of an uploaded .xlsx or .csv file as lists of stripped strings."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailed([_("The file is larger than 5 MB.")])
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return _read_xlsx(data)
    if lower.endswith(".csv"):
        return _read_csv(data)
    raise ImportFailed([_("Upload a file in XLSX or CSV format.")])


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for a damaged or foreign file
        raise ImportFailed([_("The file is not a readable XLSX workbook.")]) from exc
    sheet = workbook.worksheets[0]
    rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _read_csv(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFailed([_("The CSV file must be in UTF-8 or Windows-1251 encoding.")])
    if "\x00" in text:
        raise ImportFailed([_("The file is not a text CSV file.")])
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


# ---- validating --------------------------------------------------------------------------------------------------


@dataclass
class RowData:
    number: int
    slug: str
    question: str
    answer: str
    category: Page | None
    tags: list[str] = field(default_factory=list)


def _column_map(header: list[str]) -> dict[str, int]:
    names = dict(FORMER_HEADINGS)
    for key, label in COLUMNS:
        names[key.lower()] = key
        names[str(label).lower()] = key
    found = {}
    for index, title in enumerate(header):
        key = names.get(title.strip().lower())
        if key and key not in found:
            found[key] = index
    return found


class _Categories:
    """Rubrics by number or by title, looked up once for the whole file."""

    def __init__(self):
        pages = Page.objects.filter(content_type__app_label="pages", content_type__model="rubricpage")
        self.by_id = {page.pk: page for page in pages}
        self.by_title = {}
        for page in self.by_id.values():
            self.by_title.setdefault(page.title.strip().lower(), []).append(page)

    def find(self, value: str) -> Page:
        if value.isdigit() and int(value) in self.by_id:
            return self.by_id[int(value)]
        found = self.by_title.get(value.lower(), [])
        if len(found) == 1:
            return found[0]
        if found:
            raise ValidationError(
                _("several rubrics are called «%(title)s»; give the rubric's number instead.") % {"title": value}
            )
        raise ValidationError(_("no rubric «%(title)s» on the site.") % {"title": value})


def answer_html(text: str, converter: ContentstateConverter) -> str:
    """Plain text becomes paragraphs; HTML keeps only what the answer editor allows (no scripts, no styles)."""
    if "<" not in text:
        paragraphs = [part.strip() for part in text.replace("\r", "").split("\n") if part.strip()]
        return "".join(f"<p>{escape(part)}</p>" for part in paragraphs)
    return converter.to_database_format(converter.from_database_format(text))


def validate(rows: list[list[str]]) -> list[RowData]:
    """Every data row checked; raises ImportFailed listing all problems found."""
    if not rows or not any(rows[0]):
        raise ImportFailed([_("The file is empty.")])
    columns = _column_map(rows[0])
    errors = [
        _("Row 1: there is no column «%(column)s».") % {"column": heading(key)}
        for key in REQUIRED
        if key not in columns
    ]
    if errors:
        raise ImportFailed(errors)
    data_rows = [(number, row) for number, row in enumerate(rows[1:], start=2) if any(row)]
    if not data_rows:
        raise ImportFailed([_("The file has no rows of entries below the headings.")])
    if len(data_rows) > MAX_ROWS:
        raise ImportFailed([_("The file has more than %(max)s rows; split it into parts.") % {"max": MAX_ROWS}])
    categories = _Categories()
    converter = ContentstateConverter(ANSWER_FEATURES)
    slugs_seen = {}
    result = []
    for number, row in data_rows:
        values = {key: (row[index] if index < len(row) else "") for key, index in columns.items()}

        def fail(key, message, number=number):
            errors.append(
                _("Row %(row)s, column «%(column)s»: %(message)s")
                % {"row": number, "column": heading(key), "message": message}
            )

        question, slug = values.get("question", ""), values.get("slug", "").lower()
        if not question:
            fail("question", _("the question is empty."))
        elif len(question) > 500:
            fail("question", _("the question is longer than 500 characters."))
        answer = answer_html(values.get("answer", ""), converter)
        if not answer.strip():
            fail("answer", _("the answer is empty."))
        if slug:
            try:
                validate_slug(slug)
            except ValidationError:
                fail("slug", _("use only Latin letters, digits and hyphens."))
            if slug in slugs_seen:
                fail("slug", _("the same address is in row %(row)s.") % {"row": slugs_seen[slug]})
            slugs_seen.setdefault(slug, number)
        category = None
        if values.get("category"):
            try:
                category = categories.find(values["category"])
            except ValidationError as exc:
                fail("category", exc.messages[0])
        tags = [tag.strip() for tag in values.get("tags", "").split(",") if tag.strip()]
        if any(len(tag) > 100 for tag in tags):
            fail("tags", _("a tag is longer than 100 characters."))
        result.append(RowData(number, slug, question, answer, category, tags))
    if errors:
        raise ImportFailed(errors)
    return result


# ---- saving ------------------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    published: int = 0


def import_entries(name: str, data: bytes, *, user=None, publish: bool = False) -> ImportResult:
    """Validate the whole file, then save every row (an entry with the row's address is updated)."""
    rows = validate(read_table(name, data))
    result = ImportResult()
    existing = FaqEntry.objects.in_bulk([row.slug for row in rows if row.slug], field_name="slug")
    with transaction.atomic():
        for row in rows:
            entry = existing.get(row.slug)
            if entry is None:
                entry = FaqEntry(slug=row.slug, live=False)
                result.created += 1
            else:
                result.updated += 1
            entry.question, entry.answer, entry.category = row.question, row.answer, row.category
            entry.tags.set(row.tags)
            if entry.pk is None or not entry.live:
                entry.save()
            revision = entry.save_revision(user=user, log_action=True)
            give_entry_an_owner(entry)
            if publish:
                revision.publish(user=user)
                result.published += 1
    return result
