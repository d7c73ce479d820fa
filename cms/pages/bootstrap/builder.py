"""Turn the validated data file into a plan of steps, then apply the plan in one transaction.

The plan only adds what is missing. Pages are recognised by their ``RubricKey`` (not title or path), so a page an
editor moved, retitled or filled is left as it is; a deleted one is built again. Nothing existing is overwritten:
demo content goes only into live pages that are still empty and have no draft in progress.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from wagtail import hooks
from wagtail.models import Page, Site

from cms.ownership import api as ownership
from cms.pages.models import HomePage, InformationPage, RubricKey, RubricPage, SiteSettings, UnitsPage
from cms.pages.site_root import ensure_home_page
from cms.snippets.models import ResponsibleUnit

from . import demo
from .access import create_editors_group, grant_page_permissions
from .schema import RubricSpec, SiteData, UnitSpec

logger = logging.getLogger(__name__)

PAGE_MODELS = {"RubricPage": RubricPage, "InformationPage": InformationPage, "UnitsPage": UnitsPage}

# Content areas fill their own demo data: each function registered under this hook name takes
# ``{rubric key: specific page}`` for the built tree, writes what is missing (idempotently) and returns one line
# per thing it did (an empty list when there was nothing to do).
DEMO_CONTENT_HOOK = "bootstrap_demo_content"


def page_model(page_type: str) -> type[Page]:
    """The model of a rubric's ``type``: a cms.pages type by name, or an area's as ``app_label.ModelName``."""
    return PAGE_MODELS.get(page_type) or apps.get_model(page_type)


class PlanConflict(ValueError):
    """The database holds something the data file cannot be reconciled with (found before any write)."""


@dataclass
class Step:
    description: str
    apply: Callable[[], None]


def _has_content(page) -> bool:
    if isinstance(page, InformationPage):
        return len(page.body) > 0
    return bool(getattr(page, "intro", ""))


class SiteBuilder:
    """Plans and applies the site structure of ``data``; ``demo`` also fills empty pages and site settings."""

    def __init__(self, data: SiteData, demo: bool = False):
        self.data = data
        self.demo = demo
        self.units: dict[str, ResponsibleUnit | None] = {}
        self.pages: dict[str, Page | None] = {}  # rubric key -> page (None while planned)
        self.home: HomePage | None = None
        self.new_groups: set[str] = set()  # unit codes whose group this run creates

    # Planning: reads only.

    def plan(self) -> list[Step]:
        steps = []
        self.home = HomePage.objects.first()
        if self.home is None:
            steps.append(Step("create the home page", self._create_home))
        for spec in self.data.units:
            steps.extend(self._plan_unit(spec))
        existing = {
            record.key: record.page.specific
            for record in RubricKey.objects.select_related("page").filter(key__in=[s.key for _, s in self.data.walk()])
        }
        for parent_key, spec in self.data.walk():
            steps.extend(self._plan_rubric(parent_key, spec, existing.get(spec.key)))
        steps.extend(self._plan_home_links())
        if self.demo:
            steps.extend(self._plan_site_settings())
        return steps

    def _plan_unit(self, spec: UnitSpec) -> list[Step]:
        unit = ResponsibleUnit.objects.select_related("editors_group").filter(slug=spec.code).first()
        self.units[spec.code] = unit
        steps = []
        if unit is None:
            steps.append(Step(f"+ unit «{spec.name}» ({spec.code})", lambda: self._create_unit(spec)))
        if unit is None or unit.editors_group is None:
            self.new_groups.add(spec.code)
            steps.append(
                Step(
                    f"+ editors group «{spec.group_name}» with admin access",
                    lambda: create_editors_group(self.units[spec.code], spec.group_name),
                )
            )
        return steps

    def _plan_rubric(self, parent_key: str | None, spec: RubricSpec, page: Page | None) -> list[Step]:
        steps = []
        parent = self.home if parent_key is None else self.pages[parent_key]
        if page is None and parent is not None:
            page = self._adoptable(parent, spec)
            if page is not None:
                description = f"= adopt page «{page.title}» (id {page.pk}) as rubric {spec.key}"
                steps.append(Step(description, lambda: self._bind(spec)))
        self.pages[spec.key] = page
        if page is None:
            owners = ", ".join(spec.owners)
            return [
                Step(
                    f"+ {spec.page_type} «{spec.title}» ({spec.key}); owners: {owners}; review: {spec.review.wording}",
                    lambda: self._create_page(parent_key, spec),
                ),
                Step(f"+ edit rights on {spec.key} for {owners}", lambda: self._grant(spec, spec.owners)),
            ]
        # Rights on an adopted page, or for groups created in this run; otherwise an existing group keeps the rights
        # its administrators left it.
        adopted = bool(steps)
        grantees = [code for code in spec.owners if adopted or code in self.new_groups]
        if grantees:
            codes = ", ".join(grantees)
            steps.append(Step(f"+ edit rights on {spec.key} for {codes}", lambda: self._grant(spec, grantees)))
        if self.demo and self._fillable(page):
            steps.append(Step(f"~ demo content for «{page.title}» ({spec.key})", lambda: self._fill(spec)))
        return steps

    def _adoptable(self, parent: Page, spec: RubricSpec) -> Page | None:
        """A page already at the rubric's place and slug (built before keys were kept, or by hand)."""
        sibling = parent.get_children().filter(slug=spec.slug).first()
        if sibling is None:
            return None
        sibling = sibling.specific
        if type(sibling) is not PAGE_MODELS[spec.page_type] or hasattr(sibling, "rubric_key"):
            raise PlanConflict(
                f"rubric '{spec.key}': the slug '{spec.slug}' under «{parent.title}» is taken by another page "
                f"(«{sibling.title}», id {sibling.pk}); rename that page's slug or the rubric's"
            )
        return sibling

    def _fillable(self, page: Page) -> bool:
        # A draft in progress or a page an editor took offline is the editor's business.
        return page.live and not page.has_unpublished_changes and not _has_content(page)

    def _plan_home_links(self) -> list[Step]:
        section = next((spec for _, spec in self.data.walk() if spec.anticorruption), None)
        steps = []
        if section and (self.home is None or self.home.anticorruption_page_id is None):
            steps.append(Step(f"~ home page links the anti-corruption section ({section.key})", self._link_section))
        if self.demo and (self.home is None or not self.home.intro) and not self._home_has_draft():
            steps.append(Step("~ demo introduction on the home page", self._fill_home))
        return steps

    def _home_has_draft(self) -> bool:
        return self.home is not None and self.home.has_unpublished_changes

    def _plan_site_settings(self) -> list[Step]:
        site = Site.objects.filter(is_default_site=True).first()
        current = SiteSettings.objects.filter(site=site).first() if site else None
        missing = [name for name in demo.SITE_SETTINGS if not getattr(current, name, "")]
        if not missing:
            return []
        return [Step(f"~ site settings: {', '.join(missing)}", lambda: self._fill_settings(missing))]

    # Applying: every write happens here, in plan order.

    def apply(self, steps: list[Step]) -> None:
        with transaction.atomic():
            for step in steps:
                logger.debug("bootstrap_site: %s", step.description)
                step.apply()

    def _create_home(self):
        self.home = ensure_home_page()

    def _create_unit(self, spec: UnitSpec):
        fields = {name: getattr(spec, name) for name in ("name", "short_name", "head", "email", "phone", "duties")}
        self.units[spec.code] = ResponsibleUnit.objects.create(slug=spec.code, sort_order=spec.sort_order, **fields)

    def _create_page(self, parent_key: str | None, spec: RubricSpec):
        parent = self.home if parent_key is None else self.pages[parent_key]
        page = page_model(spec.page_type)(
            title=spec.title,
            slug=spec.slug,
            search_description=demo.search_description(spec),
            show_in_menus=True,  # the tree is the site's navigation (main menu, section listings)
        )
        if self.demo:
            self._set_demo_content(page, spec)
        parent.add_child(instance=page)
        ownership.assign(page, unit=self.units[spec.owners[0]], **spec.review.as_assign_kwargs())
        page.save_revision().publish()
        self.pages[spec.key] = page
        self._bind(spec)

    def _bind(self, spec: RubricSpec):
        RubricKey.objects.create(key=spec.key, page=self.pages[spec.key])

    def _grant(self, spec: RubricSpec, codes):
        for code in codes:
            grant_page_permissions(self.units[code].editors_group, self.pages[spec.key])

    def _set_demo_content(self, page, spec: RubricSpec):
        if isinstance(page, InformationPage):
            page.body = demo.information_body(spec, self.data)
        elif hasattr(page, "intro"):
            page.intro = demo.rubric_intro(spec, self.data)

    def fill_area_demo(self) -> list[str]:
        """Run each content area's demo hook over the built tree; returns what they did."""
        pages = {record.key: record.page.specific for record in RubricKey.objects.select_related("page")}
        done = []
        with transaction.atomic():
            for fill in hooks.get_hooks(DEMO_CONTENT_HOOK):
                done.extend(fill(pages))
        return done

    def _fill(self, spec: RubricSpec):
        page = self.pages[spec.key]
        self._set_demo_content(page, spec)
        page.save_revision().publish()

    def _link_section(self):
        section = next(spec for _, spec in self.data.walk() if spec.anticorruption)
        self._revise_home(anticorruption_page=self.pages[section.key])

    def _fill_home(self):
        self._revise_home(intro=demo.HOME_INTRO)

    def _revise_home(self, **values):
        home = HomePage.objects.get(pk=self.home.pk)
        for name, value in values.items():
            setattr(home, name, value)
        if home.has_unpublished_changes:
            # Keep the editor's draft as the latest revision; only the live row gets the link.
            HomePage.objects.filter(pk=home.pk).update(**values)
        else:
            home.save_revision().publish()
        self.home = home

    def _fill_settings(self, names):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        for name in names:
            setattr(settings, name, demo.SITE_SETTINGS[name])
        settings.save()
