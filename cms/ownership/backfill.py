"""Give owned pages that have no owner the owner and rule of their nearest owned ancestor (``assign_page_owners``).

Every owned page ends with an ``Ownership`` record (written through ``writer.bulk_store``), so it shows in the
review report even while it has no owner.
"""

import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.ownership.models import Ownership
from cms.ownership.owned_types import owned_page_models
from cms.ownership.writer import RULE_FIELDS, bulk_store

logger = logging.getLogger(__name__)

INHERITED_FIELDS = tuple(f"{name}_id" if name in ("owner_unit", "official") else name for name in RULE_FIELDS)


@dataclass
class BackfillResult:
    pages: int = 0
    assigned: int = 0
    still_without_owner: int = 0


def _nearest_owned_ancestor(path: str, records_by_path: dict, steplen: int):
    for end in range(len(path) - steplen, 0, -steplen):
        record = records_by_path.get(path[:end])
        if record is not None and record.owner_unit_id is not None:
            return record
    return None


def assign_page_owners(dry_run: bool = False) -> BackfillResult:
    """Owner and rule from the nearest ancestor with an owner; a record with a due date for every owned page."""
    today = timezone.localdate()
    content_types = ContentType.objects.get_for_models(*owned_page_models()).values()
    pages = list(
        Page.objects.filter(content_type__in=content_types).values_list(
            "pk", "path", "content_type_id", "last_published_at"
        )
    )
    existing = {record.page_id: record for record in Ownership.objects.filter(page__isnull=False)}
    records_by_path = {}
    for pk, path, content_type_id, last_published_at in pages:
        record = existing.get(pk) or Ownership(page_id=pk, content_type_id=content_type_id, object_id=pk)
        if record.last_reviewed_at is None and last_published_at is not None:
            # Publishing is a review: a page's last publication is its last known review.
            record.last_reviewed_at = last_published_at
        records_by_path[path] = record

    result = BackfillResult(pages=len(pages))
    # Decide from the owners as they are, so the order of processing cannot matter.
    inherit = {}
    for path, record in records_by_path.items():
        if not record.has_owner:
            source = _nearest_owned_ancestor(path, records_by_path, Page.steplen)
            if source is not None:
                inherit[path] = {name: getattr(source, name) for name in INHERITED_FIELDS}
    for path, values in inherit.items():
        for name, value in values.items():
            setattr(records_by_path[path], name, value)
    result.assigned = len(inherit)
    result.still_without_owner = sum(1 for record in records_by_path.values() if not record.has_owner)
    if not dry_run:
        with transaction.atomic():
            bulk_store(list(records_by_path.values()), today=today)
    logger.info("assign_page_owners: %s", result)
    return result
