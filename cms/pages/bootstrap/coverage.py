"""Which live pages serve each roadmap item and 8-FZ category, according to the rubric data file."""

from dataclasses import dataclass, field

from wagtail.models import Page

from cms.ownership import api as ownership
from cms.pages.models import RubricKey

from .schema import SiteData


@dataclass(frozen=True)
class ServingPage:
    key: str
    title: str  # the page's current title, or the data file's when the page is missing
    url_path: str
    owner: str
    live: bool
    exists: bool


@dataclass
class CoverageRow:
    kind: str  # "roadmap" or "8-FZ"
    code: str
    label: str
    pages: list[ServingPage] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return any(page.live for page in self.pages)


def coverage(data: SiteData) -> list[CoverageRow]:
    """One row per roadmap item, then per 8-FZ category, with the pages built for the rubrics serving it."""
    specs = [spec for _, spec in data.walk()]
    records = RubricKey.objects.filter(key__in=[spec.key for spec in specs]).values_list("key", "page_id")
    page_ids = dict(records)
    # Generic pages: title, URL and live are all the coverage needs (no query per page type).
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids.values())}
    owners = {page_id: str(unit) for page_id, unit in ownership.owner_units_of_pages(pages).items()}

    def serving(spec) -> ServingPage:
        page = pages.get(page_ids.get(spec.key))
        if page is None:
            return ServingPage(spec.key, spec.title, "", "", live=False, exists=False)
        owner = owners.get(page.pk, "")
        return ServingPage(spec.key, page.title, page.get_url() or page.url_path, owner, live=page.live, exists=True)

    rows = [CoverageRow("roadmap", item.number, item.text) for item in data.roadmap_items]
    rows += [CoverageRow("8-FZ", category.id, category.title) for category in data.fz8_categories]
    by_code = {(row.kind, row.code): row for row in rows}
    for spec in specs:
        served = [("roadmap", number) for number in spec.roadmap] + [("8-FZ", cid) for cid in spec.fz8]
        if served:
            page = serving(spec)
            for code in served:
                by_code[code].pages.append(page)
    return rows
