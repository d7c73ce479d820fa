"""Write a planned synthetic site in bulk: treebeard paths computed here, a few INSERTs per thousand pages.

Django cannot ``bulk_create`` multi-table-inherited models, so the ``wagtailcore_page`` rows go through
``Page.objects.bulk_create`` (which returns their ids on SQLite and PostgreSQL) and the child-table rows through
the manager's ``_insert`` (what ``Model.save`` uses for one row). Each page gets one revision, set as both the latest
and the live revision, as publishing would. Signals do not fire: the search index is updated here explicitly.
"""

import logging
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Revision
from wagtail.search.backends import get_search_backends

from cms.ownership import api as ownership
from cms.ownership.rules import ReviewRule
from cms.pages.models import HomePage, InformationPage, RubricPage
from cms.pages.site_root import ensure_home_page
from cms.snippets.models import ResponsibleUnit

from .content import GeneratedDocument, GroundTruthLink, SiteFacts, information_body, rubric_intro
from .plan import PlannedPage, plan_links, plan_tree

logger = logging.getLogger(__name__)

DOCUMENT_TITLE_PREFIX = "Сгенерированный документ"
ROOT_SLUG_PREFIX = "generated"
BATCH_SIZE = 500


@dataclass
class GenerationOptions:
    pages: int
    links_per_page: int = 10
    external_hosts: int = 20
    external_port: int = 8765
    documents: int = 5
    seed: int = 1
    index: bool = True


@dataclass
class GenerationResult:
    root: Page | None
    page_count: int
    ground_truth: list[GroundTruthLink] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def link_count(self) -> int:
        return len(self.ground_truth)


def _phase(result: GenerationResult, name: str, started: float, report: Callable[[str], None]) -> float:
    now = time.monotonic()
    result.timings[name] = now - started
    report(f"{name}: {now - started:.2f} s")
    return now


@transaction.atomic
def generate_site(options: GenerationOptions, report: Callable[[str], None] = logger.info) -> GenerationResult:
    """Create ``options.pages`` live pages (rubrics and information pages) under a new rubric of the HomePage."""
    rng = random.Random(options.seed)  # noqa: S311 -- seeded on purpose: the same seed rebuilds the same site
    result = GenerationResult(root=None, page_count=options.pages)
    started = time.monotonic()
    home = ensure_home_page()
    plan = plan_tree(options.pages, rng)
    documents = ensure_documents(options.documents)
    specific = _build_pages(home, plan, rng)
    started = _phase(result, "plan", started, report)

    base_rows = [_base_row(page) for page in specific]
    Page.objects.bulk_create(base_rows, batch_size=BATCH_SIZE)
    for page, row in zip(specific, base_rows, strict=True):
        page.id = page.page_ptr_id = row.id
        page._state.adding = False
    Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + 1)
    started = _phase(result, "page rows", started, report)

    facts = SiteFacts(
        ids=[page.id for page in specific],
        urls=[_served_url(home, page) for page in specific],
        titles=[page.title for page in specific],
        root_url=_served_url(home, specific[0]),
        documents=documents,
        external_port=options.external_port,
    )
    _fill_content(plan, specific, facts, options, rng, result)
    for model in (RubricPage, InformationPage):
        _insert_child_rows(model, [page for page in specific if type(page) is model])
    _set_ownership(specific, rng)
    started = _phase(result, "content rows", started, report)

    _create_revisions(specific, base_rows)
    started = _phase(result, "revisions", started, report)

    if options.index:
        index_pages(specific)
        started = _phase(result, "search index", started, report)
    result.root = specific[0]
    return result


def _build_pages(home: HomePage, plan: list[PlannedPage], rng: random.Random) -> list[Page]:
    """Unsaved specific pages with their tree position, slug, URL path and publication state."""
    now = timezone.now()
    locale_id = home.locale_id or Locale.get_default().pk
    root_slug = _free_root_slug(home)
    root_path = _next_child_path(home)
    pages = []
    for planned in plan:
        if planned.parent is None:
            path, depth = root_path, home.depth + 1
            slug, url_path = root_slug, f"{home.url_path}{root_slug}/"
            title = f"Сгенерированный раздел ({root_slug})"
        else:
            parent = pages[planned.parent]
            depth = parent.depth + 1
            path = Page._get_path(parent.path, depth, planned.position)
            slug = f"{'section' if planned.kind == 'rubric' else 'page'}-{planned.index}"
            url_path = f"{parent.url_path}{slug}/"
            title = f"{'Раздел' if planned.kind == 'rubric' else 'Сведения'} {planned.index}"
        model = RubricPage if planned.kind == "rubric" else InformationPage
        pages.append(
            model(
                title=title,
                draft_title=title,
                slug=slug,
                path=path,
                depth=depth,
                numchild=len(planned.children),
                url_path=url_path,
                locale_id=locale_id,
                translation_key=uuid.uuid4(),  # random even with a seed: a second run must not collide
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                latest_revision_created_at=now,
                show_in_menus=planned.kind == "rubric",
            )
        )
    return pages


def _free_root_slug(home: HomePage) -> str:
    taken = set(home.get_children().values_list("slug", flat=True))
    number = 1
    while f"{ROOT_SLUG_PREFIX}-{number}" in taken:
        number += 1
    return f"{ROOT_SLUG_PREFIX}-{number}"


def _next_child_path(parent: Page) -> str:
    last = parent.get_last_child()
    return last._inc_path() if last else Page._get_path(parent.path, parent.depth + 1, 1)


def _served_url(home: HomePage, page: Page) -> str:
    # The HomePage is the default site's root, so its url_path prefix is not part of the served URL.
    return page.url_path[len(home.url_path) - 1 :]


def _base_row(page: Page) -> Page:
    fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    row = Page(**{name: getattr(page, name) for name in fields})
    row.content_type_id = ContentType.objects.get_for_model(type(page)).pk
    return row


def _fill_content(plan, pages, facts, options: GenerationOptions, rng, result: GenerationResult) -> None:
    for planned, page in zip(plan, pages, strict=True):
        if planned.kind == "rubric":
            page.intro, truth = rubric_intro(planned.index, planned.children, facts)
        else:
            links = plan_links(len(plan), options.links_per_page, options.external_hosts, len(facts.documents), rng)
            page.body, truth = information_body(planned.index, links, facts)
        result.ground_truth.extend(truth)


def _set_ownership(pages: list[Page], rng: random.Random) -> None:
    """Publishing counts as a review; existing units are spread over the pages with a mix of review rules."""
    unit_by_id = ResponsibleUnit.objects.in_bulk()
    assignments = []
    for page in pages:
        values = {}
        if unit_by_id:
            values["unit"] = unit_by_id[rng.choice(list(unit_by_id))]
            values["rule"] = rng.choice([ReviewRule.CONTINUOUS, ReviewRule.QUARTERLY, ReviewRule.ANNUALLY])
            if values["rule"] == ReviewRule.CONTINUOUS:
                values["interval_days"] = rng.choice([7, 14, 30])
        assignments.append((page, values))
    ownership.assign_many(assignments, reviewed_at=timezone.now())


def _insert_child_rows(model, pages: list[Page]) -> None:
    if not pages:
        return
    fields = model._meta.local_concrete_fields
    batch = max(1, min(BATCH_SIZE, connection.ops.bulk_batch_size(fields, pages)))
    for start in range(0, len(pages), batch):
        model._base_manager._insert(pages[start : start + batch], fields=fields, using=connection.alias)


def _create_revisions(pages: list[Page], base_rows: list[Page]) -> None:
    """One revision per page, made the latest and the live one; ``pages[0]`` is the generated root."""
    now = timezone.now()
    base_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type_id=row.content_type_id,
            base_content_type=base_type,
            object_id=str(page.id),
            created_at=now,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page, row in zip(pages, base_rows, strict=True)
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    # Two set-based UPDATEs instead of bulk_update's CASE per row: the revision is found by its object id.
    revision_of_page = Revision.objects.filter(
        base_content_type=base_type, object_id=Cast(OuterRef("pk"), output_field=CharField())
    ).values("pk")[:1]
    generated = Page.objects.filter(path__startswith=pages[0].path)
    generated.update(latest_revision_id=Subquery(revision_of_page))
    generated.update(live_revision_id=F("latest_revision_id"))


def index_pages(pages: list[Page]) -> None:
    """What the post_save signal would have done for each page: add it to every auto-updated search backend."""
    for backend in get_search_backends(with_auto_update=True):
        for model in (RubricPage, InformationPage):
            ids = [page.id for page in pages if type(page) is model]
            for start in range(0, len(ids), BATCH_SIZE):
                backend.add_bulk(model, list(model.objects.filter(id__in=ids[start : start + BATCH_SIZE])))


def ensure_documents(count: int) -> list[GeneratedDocument]:
    """Reuse or create ``count`` small text documents for document links."""
    document_model = get_document_model()
    existing = list(document_model.objects.filter(title__startswith=DOCUMENT_TITLE_PREFIX).order_by("pk")[:count])
    for number in range(len(existing) + 1, count + 1):
        content = ContentFile(f"Документ {number}\n".encode(), name=f"generated-{number}.txt")
        existing.append(document_model.objects.create(title=f"{DOCUMENT_TITLE_PREFIX} {number}", file=content))
    return [GeneratedDocument(id=doc.pk, url=doc.url, title=doc.title) for doc in existing]
