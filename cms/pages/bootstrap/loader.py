"""Read and validate the rubric data file; every problem is one line naming the file, the entry and the field.

Validation is complete before the builder touches the database, so bad input never leaves a half-built site.
"""

import re
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from cms.ownership.cadence import parse_cadence

from .schema import (
    PAGE_TYPES,
    Fz8Category,
    RoadmapItem,
    RoadmapSection,
    RubricSpec,
    SiteData,
    UnitSpec,
    is_area_page_type,
)

DEFAULT_DATA_FILE = Path(settings.BASE_DIR) / "data" / "rubrics.yaml"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # Latin transliteration only: stable, readable URLs
SUPPORTED_VERSIONS = (1,)


class DataFileError(ValueError):
    """The data file is malformed; the message is one readable line."""

    def __init__(self, path, entry: str, field: str, problem: str):
        self.path, self.entry, self.field, self.problem = str(path), entry, field, problem
        super().__init__(f"{path}: {entry}: field '{field}': {problem}")


def load_site_data(path: Path | str | None = None) -> SiteData:
    """Parse and validate the data file at ``path`` (default: data/rubrics.yaml)."""
    path = Path(path) if path else DEFAULT_DATA_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(path, "file", "-", f"cannot be read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise DataFileError(path, "file", "-", f"is not valid YAML ({problem})") from exc
    return _Validator(path).site(raw)


class _Validator:
    def __init__(self, path: Path):
        self.path = path

    def fail(self, entry, field, problem):
        raise DataFileError(self.path, entry, field, problem)

    def text(self, mapping, field, entry, *, required=True) -> str:
        value = mapping.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(entry, field, "is missing")
            return ""
        if not isinstance(value, str | int | float):
            self.fail(entry, field, "must be text")
        return " ".join(str(value).split()) if field != "duties" else str(value).strip()

    def codes(self, mapping, field, entry, known, kind, *, required=False) -> tuple[str, ...]:
        value = mapping.get(field) or []
        if not isinstance(value, list):
            self.fail(entry, field, f"must be a list of {kind}")
        if required and not value:
            self.fail(entry, field, f"needs at least one {kind}")
        result = tuple(str(code) for code in value)
        for code in result:
            if code not in known:
                self.fail(entry, field, f"unknown {kind} '{code}'")
        return result

    def site(self, raw) -> SiteData:
        if not isinstance(raw, dict):
            self.fail("file", "-", "must be a mapping with units, fz8_categories, roadmap and rubrics")
        if raw.get("version") not in SUPPORTED_VERSIONS:
            self.fail("file", "version", f"must be one of {SUPPORTED_VERSIONS}, got {raw.get('version')!r}")
        units = self.units(raw.get("units"))
        unit_by_code = {unit.code: unit for unit in units}
        categories = self.categories(raw.get("fz8_categories"))
        roadmap = self.roadmap(raw.get("roadmap"), unit_by_code)
        self.known_items = {item.number for section in roadmap for item in section.items}
        self.known_categories = {category.id for category in categories}
        self.unit_codes = set(unit_by_code)
        self.keys = set()
        rubrics = self.rubric_list(raw.get("rubrics"), "rubrics", parent_path="")
        if not rubrics:
            self.fail("rubrics", "rubrics", "needs at least one rubric")
        flagged = [r.key for top in rubrics for r in top.walk() if r.anticorruption]
        if len(flagged) > 1:
            self.fail(f"rubric '{flagged[1]}'", "anticorruption", "only one rubric can be the anti-corruption section")
        return SiteData(str(self.path), units, categories, roadmap, rubrics, unit_by_code)

    def entries(self, value, section):
        if not isinstance(value, list) or not value:
            self.fail(section, section, "must be a non-empty list")
        for index, entry in enumerate(value, start=1):
            if not isinstance(entry, dict):
                self.fail(f"{section} #{index}", "-", "must be a mapping")
            yield index, entry

    def units(self, value) -> tuple[UnitSpec, ...]:
        units, seen = [], set()
        for index, entry in self.entries(value, "units"):
            code = str(entry.get("code") or "")
            label = f"unit '{code}'" if code else f"units #{index}"
            if not SLUG_RE.match(code):
                self.fail(label, "code", "must be a Latin slug (a-z, 0-9, hyphens)")
            if code in seen:
                self.fail(label, "code", "is used by another unit")
            seen.add(code)
            email = self.text(entry, "email", label, required=False)
            if email:
                try:
                    validate_email(email)
                except ValidationError:
                    self.fail(label, "email", f"'{email}' is not an e-mail address")
            units.append(
                UnitSpec(
                    code=code,
                    name=self.text(entry, "name", label),
                    short_name=self.text(entry, "short_name", label, required=False),
                    head=self.text(entry, "head", label, required=False),
                    email=email,
                    phone=self.text(entry, "phone", label, required=False),
                    duties=self.text(entry, "duties", label, required=False),
                    sort_order=index,
                )
            )
        return tuple(units)

    def categories(self, value) -> tuple[Fz8Category, ...]:
        categories, seen = [], set()
        for index, entry in self.entries(value, "fz8_categories"):
            label = f"fz8_categories #{index}"
            category_id = self.text(entry, "id", label)
            if category_id in seen:
                self.fail(f"fz8 category '{category_id}'", "id", "is used twice")
            seen.add(category_id)
            categories.append(Fz8Category(category_id, self.text(entry, "title", f"fz8 category '{category_id}'")))
        return tuple(categories)

    def roadmap(self, value, unit_by_code) -> tuple[RoadmapSection, ...]:
        sections, seen = [], set()
        for index, entry in self.entries(value, "roadmap"):
            number = self.text(entry, "number", f"roadmap #{index}")
            label = f"roadmap section {number}"
            items = []
            for item_index, item in self.entries(entry.get("items"), f"{label} items"):
                item_number = self.text(item, "number", f"{label} item #{item_index}")
                item_label = f"roadmap item {item_number}"
                if item_number in seen:
                    self.fail(item_label, "number", "is used twice")
                seen.add(item_number)
                items.append(
                    RoadmapItem(
                        number=item_number,
                        section=number,
                        text=self.text(item, "text", item_label),
                        # The roadmap leaves some deadlines blank (1.4): the wording is informative only.
                        cadence=self.text(item, "cadence", item_label, required=False),
                        units=self.codes(item, "units", item_label, unit_by_code, "unit", required=True),
                    )
                )
            sections.append(RoadmapSection(number, self.text(entry, "title", label), tuple(items)))
        return tuple(sections)

    def rubric_list(self, value, where, parent_path) -> tuple[RubricSpec, ...]:
        rubrics, slugs = [], set()
        for index, entry in self.entries(value, where):
            rubrics.append(self.rubric(entry, index, where, parent_path, slugs))
        return tuple(rubrics)

    def rubric(self, entry, index, where, parent_path, sibling_slugs: set) -> RubricSpec:
        slug = str(entry.get("slug") or "")
        path = f"{parent_path}/{slug}" if parent_path else slug
        label = f"rubric '{path}'" if slug else f"{where} #{index}"
        if not SLUG_RE.match(slug):
            self.fail(label, "slug", "must be a Latin slug (a-z, 0-9, hyphens)")
        if slug in sibling_slugs:
            self.fail(label, "slug", f"'{slug}' is used by a sibling rubric")
        sibling_slugs.add(slug)
        key = str(entry.get("key") or path)
        if key in self.keys:
            self.fail(label, "key", f"'{key}' identifies another rubric")
        self.keys.add(key)
        page_type = entry.get("type")
        if page_type not in PAGE_TYPES and not is_area_page_type(page_type):
            self.fail(
                label,
                "type",
                f"unknown page type {page_type!r} (expected one of {', '.join(PAGE_TYPES)}, "
                "or an installed content page type as app_label.ModelName)",
            )
        title = self.text(entry, "title", label)
        owners = self.codes(entry, "owners", label, self.unit_codes, "unit", required=True)
        try:
            review = parse_cadence(entry.get("cadence") or "")
        except ValueError as exc:
            self.fail(label, "cadence", str(exc))
        demo = entry.get("demo") or []
        if not isinstance(demo, list) or not all(isinstance(p, str) for p in demo):
            self.fail(label, "demo", "must be a list of paragraphs")
        children = entry.get("children") or []
        if children and page_type != "RubricPage" and not is_area_page_type(page_type):
            self.fail(label, "children", f"only a RubricPage has children, this is a {page_type}")
        return RubricSpec(
            key=key,
            page_type=page_type,
            slug=slug,
            title=title,
            owners=owners,
            review=review,
            roadmap=self.codes(entry, "roadmap", label, self.known_items, "roadmap item"),
            fz8=self.codes(entry, "fz8", label, self.known_categories, "8-FZ category"),
            intro=self.text(entry, "intro", label, required=False),
            demo=tuple(" ".join(p.split()) for p in demo),
            anticorruption=bool(entry.get("anticorruption")),
            children=self.rubric_list(children, f"{label} children", path) if children else (),
        )
