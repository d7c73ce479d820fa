"""Writing review facts: publish and «mark as reviewed» record a review; registry changes start the clock.

Every write goes through ``.update()`` on the page's concrete table (no new revision, no save signals) and then
mirrors the row into ``PageReviewState``.
"""

import logging
from datetime import date, datetime

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex

from cms.ownership.models import OwnedPageMixin, PageReviewState
from cms.ownership.rules import ReviewRule
from cms.ownership.schedule import compute_due_for

logger = logging.getLogger(__name__)

MARK_REVIEWED_ACTION = "ownership.mark_reviewed"


def owned_page_models() -> list[type]:
    """Concrete page models that use the mixin (ownership never names them)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, OwnedPageMixin) and issubclass(model, Page) and not model._meta.abstract
    ]


def is_owned(page) -> bool:
    return isinstance(page, OwnedPageMixin)


def _concrete(page) -> OwnedPageMixin | None:
    if is_owned(page):
        return page
    specific = page.specific if isinstance(page, Page) else page
    return specific if is_owned(specific) else None


def _write_derived(page: OwnedPageMixin, today: date | None = None) -> None:
    """Recompute the due date and store the derived fields on the live row and in the state table."""
    page.review_due = compute_due_for(page, today=today)
    type(page).objects.filter(pk=page.pk).update(
        last_reviewed_at=page.last_reviewed_at,
        review_due=page.review_due,
        change_pending_since=page.change_pending_since,
    )
    PageReviewState.sync(page)


def record_review(page, when: datetime | None = None) -> OwnedPageMixin | None:
    """Count a review of ``page`` at ``when`` (default now): stops a running change clock."""
    owned = _concrete(page)
    if owned is None:
        return None
    when = when or timezone.now()
    owned.last_reviewed_at = when
    owned.change_pending_since = None
    _write_derived(owned, today=timezone.localdate(when))
    return owned


def mark_reviewed(page, user, when: datetime | None = None) -> OwnedPageMixin | None:
    """«Отметить как проверенную»: a review without a new revision, logged with the user."""
    with transaction.atomic():
        owned = record_review(page, when)
        if owned is not None:
            log(instance=owned, action=MARK_REVIEWED_ACTION, user=user)
    return owned


def start_review_clock(pages, when: datetime | None = None) -> int:
    """A registry the pages show changed (or an approval date): start their «within N days» clock.

    Accepts a queryset or list of pages of any type; only pages following the «within N days of a change» rule
    are affected, and a clock already running keeps its earlier start. Returns the number of pages whose clock
    started.
    """
    when = when or timezone.now()
    started = 0
    for page in pages:
        owned = _concrete(page)
        if owned is None or owned.review_rule != ReviewRule.ON_CHANGE:
            continue
        # Read the live row: the object given may be stale or a revision.
        owned = type(owned).objects.get(pk=owned.pk)
        if owned.change_pending_since is not None:
            continue
        owned.change_pending_since = when
        _write_derived(owned)
        started += 1
    return started


def on_page_published(sender, instance, **kwargs):
    """Publishing counts as a review (signal handler for ``page_published``)."""
    if is_owned(instance):
        record_review(instance)


def reassign_unit_pages(source, target) -> int:
    """Give every page of unit ``source`` to unit ``target`` (on the live rows and in the state table)."""
    moved = 0
    with transaction.atomic():
        for model in owned_page_models():
            ids = list(model.objects.filter(owner_unit=source).values_list("pk", flat=True))
            moved += model.objects.filter(pk__in=ids).update(owner_unit=target)
            refresh_references(model, ids)
        PageReviewState.objects.filter(owner_unit=source).update(owner_unit=target)
    logger.info("Reassigned %s pages from unit %s to unit %s", moved, source.pk, target.pk)
    return moved


def refresh_references(model, ids) -> None:
    """Update Wagtail's reference index after ``.update()`` changed foreign keys (the unit delete view reads it)."""
    for page in model.objects.filter(pk__in=ids):
        ReferenceIndex.create_or_update_for_object(page)
