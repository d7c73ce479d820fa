"""The validated content of the rubric data file (docs/rubric-data.md), as plain frozen dataclasses."""

from dataclasses import dataclass, field

from cms.ownership.cadence import ReviewSpec

# The page types of cms.pages a rubric may have; the builder maps them to models. A content area's page type is
# named as ``app_label.ModelName`` (e.g. ``faq.FaqIndexPage``): cms.pages cannot import the areas.
PAGE_TYPES = ("RubricPage", "InformationPage", "UnitsPage")


def is_area_page_type(name) -> bool:
    """Whether ``name`` is ``app_label.ModelName`` of an installed page type that has an owner."""
    if not isinstance(name, str) or name.count(".") != 1:
        return False
    from django.apps import apps
    from wagtail.models import Page

    from cms.ownership.models import OwnedPageMixin

    try:
        model = apps.get_model(name)
    except (LookupError, ValueError):
        return False
    return issubclass(model, Page) and issubclass(model, OwnedPageMixin) and not model._meta.abstract


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    short_name: str = ""
    head: str = ""
    email: str = ""
    phone: str = ""
    duties: str = ""
    sort_order: int = 0

    @property
    def group_name(self) -> str:
        """Name of the Wagtail group of the unit's editors (Russian: it is shown in the admin)."""
        return f"Редакторы: {self.short_name or self.name}"


@dataclass(frozen=True)
class RoadmapItem:
    number: str
    section: str
    text: str
    cadence: str
    units: tuple[str, ...]


@dataclass(frozen=True)
class RoadmapSection:
    number: str
    title: str
    items: tuple[RoadmapItem, ...]


@dataclass(frozen=True)
class Fz8Category:
    id: str
    title: str


@dataclass(frozen=True)
class RubricSpec:
    key: str  # stable identity of the page across runs: the slug path unless the file sets `key`
    page_type: str
    slug: str
    title: str
    owners: tuple[str, ...]
    review: ReviewSpec
    roadmap: tuple[str, ...] = ()
    fz8: tuple[str, ...] = ()
    intro: str = ""
    demo: tuple[str, ...] = ()
    anticorruption: bool = False
    children: tuple["RubricSpec", ...] = ()

    def walk(self):
        """This rubric and its descendants, parents first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class SiteData:
    path: str
    units: tuple[UnitSpec, ...]
    fz8_categories: tuple[Fz8Category, ...]
    roadmap: tuple[RoadmapSection, ...]
    rubrics: tuple[RubricSpec, ...]
    unit_by_code: dict = field(default_factory=dict, compare=False)

    def walk(self):
        """Every rubric with its parent's key (None for top-level rubrics), parents first."""
        stack = [(None, rubric) for rubric in reversed(self.rubrics)]
        while stack:
            parent_key, rubric = stack.pop()
            yield parent_key, rubric
            stack.extend((rubric.key, child) for child in reversed(rubric.children))

    @property
    def roadmap_items(self) -> list[RoadmapItem]:
        return [item for section in self.roadmap for item in section.items]
