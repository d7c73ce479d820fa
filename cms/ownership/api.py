"""Ownership's public API: what other apps use, and all they may reach (docs/ownership.md).

from cms.ownership import api as ownership

ownership.owner_of(page)                       # Owner(unit, official) or None
ownership.pages_answered_by(user)              # PageQuerySet of what the user answers for
ownership.assign(entry, unit=unit, rule=ReviewRule.QUARTERLY)
ownership.start_deadline(council_page, reason="Изменён состав совета", days=3)
ownership.record_review(entry)                 # publishing a page does this itself
ownership.mark_reviewed(page, user)
"""

from dataclasses import dataclass

from cms.ownership.queries import owner_units_of_pages, pages_answered_by, records_answered_by
from cms.ownership.writer import assign, assign_many, mark_reviewed, record_review, start_deadline

__all__ = [
    "Owner",
    "assign",
    "assign_many",
    "mark_reviewed",
    "owner_of",
    "owner_units_of_pages",
    "ownership_record_of",
    "pages_answered_by",
    "record_review",
    "records_answered_by",
    "start_deadline",
]


@dataclass(frozen=True)
class Owner:
    unit: object | None
    official: object | None


def ownership_record_of(obj):
    """The object's ``Ownership`` record (read-only use), or None when it has none."""
    specific = getattr(obj, "specific", obj) if not hasattr(obj, "ownership_record") else obj
    return getattr(specific, "ownership_record", None)


def owner_of(obj) -> Owner | None:
    """Who answers for a page (of any type) or a registry entry; None when nobody does."""
    record = ownership_record_of(obj)
    if record is None or not record.has_owner:
        return None
    return Owner(unit=record.owner_unit, official=record.official)
