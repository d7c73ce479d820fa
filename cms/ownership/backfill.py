"""Give pages created before ownership existed an owner, a rule and a due date (``assign_page_owners``)."""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.ownership.models import PageReviewState
from cms.ownership.schedule import compute_due_for
from cms.ownership.services import owned_page_models, refresh_references

logger = logging.getLogger(__name__)

INHERITED_FIELDS = (
    "owner_unit_id",
    "official_id",
    "review_rule",
    "review_interval_days",
    "review_interval_months",
    "review_fixed_date",
    "review_cadence_text",
)
LOADED_FIELDS = (
    "pk",
    "path",
    "depth",
    "title",
    "live",
    "last_published_at",
    "last_reviewed_at",
    "review_due",
    "change_pending_since",
    *INHERITED_FIELDS,
)


@dataclass
class BackfillResult:
    pages: int = 0
    assigned: int = 0
    still_without_owner: int = 0


def _nearest_owned_ancestor(page, by_path: dict, steplen: int):
    for end in range(len(page.path) - steplen, 0, -steplen):
        ancestor = by_path.get(page.path[:end])
        if ancestor is not None and ancestor.owner_unit_id is not None:
            return ancestor
    return None


def assign_page_owners(dry_run: bool = False) -> BackfillResult:
    """Owner and rule from the nearest ancestor with an owner; due dates and state rows for every owned page."""
    today = timezone.localdate()
    steplen = Page.steplen
    pages = []
    for model in owned_page_models():
        pages.extend(model.objects.only(*[name.removesuffix("_id") for name in LOADED_FIELDS]))
    by_path = {page.path: page for page in pages}
    # Decide from the owners as they are, so the order of processing cannot matter.
    inherit = {}
    for page in pages:
        if page.owner_unit_id is None and page.official_id is None:
            source = _nearest_owned_ancestor(page, by_path, steplen)
            if source is not None:
                inherit[page.pk] = {name: getattr(source, name) for name in INHERITED_FIELDS}

    result = BackfillResult(pages=len(pages), assigned=len(inherit))
    states = []
    with transaction.atomic():
        for page in pages:
            changes = inherit.get(page.pk, {})
            for name, value in changes.items():
                setattr(page, name, value)
            if page.last_reviewed_at is None and page.last_published_at is not None:
                # Publishing is a review: a page's last publication is its last known review.
                page.last_reviewed_at = changes["last_reviewed_at"] = page.last_published_at
            due = compute_due_for(page, today=today)
            if due != page.review_due:
                page.review_due = changes["review_due"] = due
            if changes and not dry_run:
                type(page).objects.filter(pk=page.pk).update(**changes)
            if page.owner_unit_id is None and page.official_id is None:
                result.still_without_owner += 1
            states.append(PageReviewState(page_id=page.pk, **PageReviewState.values_for(page)))
        if not dry_run:
            for model in {type(page) for page in pages}:
                refresh_references(model, [page.pk for page in pages if type(page) is model and page.pk in inherit])
            PageReviewState.objects.bulk_create(
                states,
                batch_size=500,
                update_conflicts=True,
                unique_fields=["page"],
                update_fields=list(PageReviewState.MIRRORED_FIELDS),
            )
    logger.info("assign_page_owners: %s", result)
    return result
