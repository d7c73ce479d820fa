"""Read side: owned objects with their review status, computed in the database so filters and lists scale.

«Who answers for an object» has one definition, ``RESPONSIBLE_PATHS``: its named official, or any member of its
owner unit's editors group. The panel, the report, the digest and the link checker all use it, through
``records_answered_by`` / ``pages_answered_by`` or (the digest, which groups by person) ``responsible_pairs``.
"""

from datetime import date, timedelta

from django.db.models import Case, CharField, F, Q, QuerySet, Value, When
from django.utils import timezone
from wagtail.models import Page

from cms.ownership.models import Ownership
from cms.ownership.rules import ReviewStatus

DUE_SOON_DAYS = 14
# The user who answers for a record, as lookups from the record: the named official; the unit's editors.
RESPONSIBLE_PATHS = ("official", "owner_unit__editors_group__user")

__all__ = [
    "DUE_SOON_DAYS",
    "ReviewStatus",
    "due_records_for_user",
    "owner_units_of_pages",
    "pages_answered_by",
    "records_answered_by",
    "responsible_pairs",
    "review_records",
    "status_expression",
]


def status_expression(today: date):
    """SQL CASE giving each record its status on ``today``."""
    return Case(
        When(owner_unit__isnull=True, official__isnull=True, then=Value(ReviewStatus.NO_OWNER)),
        When(review_due__lt=today, then=Value(ReviewStatus.OVERDUE)),
        When(review_due__lte=today + timedelta(days=DUE_SOON_DAYS), then=Value(ReviewStatus.DUE_SOON)),
        default=Value(ReviewStatus.CURRENT),
        output_field=CharField(),
    )


def live_filter() -> Q:
    """Records of live pages, and of registry entries (whose own publishing state their app enforces)."""
    return Q(page__isnull=True) | Q(page__live=True)


def review_records(today: date | None = None) -> QuerySet:
    """Every owned object's record, page, unit and official joined and ``status`` annotated, soonest due first."""
    today = today or timezone.localdate()
    return (
        Ownership.objects.select_related("page", "page__content_type", "content_type", "owner_unit", "official")
        .annotate(status=status_expression(today))
        # Soonest due first, objects without a deadline last, on SQLite and PostgreSQL alike.
        .order_by(F("review_due").asc(nulls_last=True), "page__path", "pk")
    )


def answered_by_filter(user) -> Q:
    query = Q()
    for path in RESPONSIBLE_PATHS:
        query |= Q(**{path: user})
    return query


def records_answered_by(user) -> QuerySet:
    """The records a user answers for (a subquery-friendly queryset of ids)."""
    if not getattr(user, "is_authenticated", False):
        return Ownership.objects.none()
    return Ownership.objects.filter(answered_by_filter(user)).values("pk")


def pages_answered_by(user) -> QuerySet:
    """The pages a user answers for, as a ``PageQuerySet``."""
    return Page.objects.filter(ownership__in=records_answered_by(user))


def owner_units_of_pages(page_ids) -> dict:
    """{page id: owner unit} for those of ``page_ids`` that have one, in one query."""
    records = Ownership.objects.filter(page_id__in=list(page_ids), owner_unit__isnull=False).select_related(
        "owner_unit"
    )
    return {record.page_id: record.owner_unit for record in records}


def responsible_pairs(records: QuerySet) -> set[tuple[int, int]]:
    """(record id, user id) for everyone who answers for each of ``records``: one query per path."""
    pairs = set()
    for path in RESPONSIBLE_PATHS:
        pairs.update(records.filter(**{f"{path}__isnull": False}).values_list("pk", path))
    return pairs


def due_records_for_user(user, today: date | None = None) -> QuerySet:
    """The user's live objects that are overdue or due within 14 days, soonest first."""
    today = today or timezone.localdate()
    return (
        review_records(today)
        .filter(pk__in=records_answered_by(user))
        .filter(live_filter(), review_due__lte=today + timedelta(days=DUE_SOON_DAYS))
    )


def prefetch_owned_objects(records: list) -> list:
    """Load the registry entries of non-page records with one query per model (pages are joined already)."""
    by_type: dict = {}
    for record in records:
        if record.page_id is None:
            by_type.setdefault(record.content_type, []).append(record)
    for content_type, group in by_type.items():
        model = content_type.model_class()
        if model is None:
            continue
        objects = model._default_manager.in_bulk([record.object_id for record in group])
        for record in group:
            record._prefetched_object = objects.get(record.object_id)
    return records
