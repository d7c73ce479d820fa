"""The one module that writes ``Ownership`` rows.

Everything that changes who owns an object, its rule, its last review or its deadline comes through here: the
editor's form (via the mixins' ``save``), publishing, «mark as reviewed», registry changes, unit reassignment, the
backfill command and the site generator. The due date is recomputed here and nowhere else.
"""

import logging
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from cms.ownership.models import Ownership
from cms.ownership.rules import ReviewRule
from cms.ownership.schedule import compute_due_for, local_date

logger = logging.getLogger(__name__)

MARK_REVIEWED_ACTION = "ownership.mark_reviewed"
RULE_FIELDS = (
    "owner_unit",
    "official",
    "review_rule",
    "review_interval_days",
    "review_interval_months",
    "review_fixed_date",
    "review_cadence_text",
)


def _key(obj) -> dict:
    """The unique key of ``obj``'s record: pages by page id, registry entries by (content type, id)."""
    if isinstance(obj, Page):
        return {"page_id": obj.pk}
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk}


def _new_record(obj) -> Ownership:
    if isinstance(obj, Page):
        content_type_id = obj.content_type_id or ContentType.objects.get_for_model(obj).pk
        return Ownership(page_id=obj.pk, content_type_id=content_type_id, object_id=obj.pk)
    return Ownership(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


def _locked_record(obj, create: bool = True) -> Ownership | None:
    queryset = Ownership.objects.select_for_update().filter(**_key(obj))
    record = queryset.first()
    if record is None and create:
        record = _new_record(obj)
    return record


def due_date(record: Ownership, today: date | None = None) -> date | None:
    """The rule's next deadline, or the registry-started one when that comes first."""
    candidates = [d for d in (compute_due_for(record, today=today), record.change_due) if d is not None]
    return min(candidates) if candidates else None


def _store(obj, record: Ownership, today: date | None = None) -> Ownership:
    record.review_due = due_date(record, today=today)
    record.save()
    if hasattr(obj, "refresh_ownership"):
        obj.refresh_ownership()
    return record


def update(obj, changes: dict) -> Ownership:
    """Write rule fields of ``obj``'s record (names of ``Ownership`` fields, ``*_id`` allowed); others are kept."""
    allowed = {*RULE_FIELDS, "owner_unit_id", "official_id"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not rule fields of an ownership record: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        record = _locked_record(obj)
        for name, value in changes.items():
            setattr(record, name, value)
        record.review_rule = record.review_rule or ReviewRule.AS_NEEDED
        record.review_cadence_text = record.review_cadence_text or ""
        return _store(obj, record)


def assign(
    obj,
    *,
    unit=None,
    official=None,
    rule: str = ReviewRule.AS_NEEDED,
    interval_days: int | None = None,
    interval_months: int | None = None,
    fixed_date: date | None = None,
    cadence_text: str = "",
) -> Ownership:
    """Set who owns ``obj`` and its whole review rule; the last review and a running deadline are kept."""
    return update(
        obj,
        {
            "owner_unit": unit,
            "official": official,
            "review_rule": rule,
            "review_interval_days": interval_days,
            "review_interval_months": interval_months,
            "review_fixed_date": fixed_date,
            "review_cadence_text": cadence_text,
        },
    )


def assigned_values(obj) -> dict | None:
    """``obj``'s owner and rule as record fields (for a copy: no review, no running deadline), or None."""
    record = Ownership.objects.filter(**_key(obj)).first()
    if record is None:
        return None
    return {name: getattr(record, name) for name in RULE_FIELDS}


def record_review(obj, when: datetime | None = None) -> Ownership | None:
    """Count a review of ``obj`` at ``when`` (default now); stops a running registry deadline."""
    when = when or timezone.now()
    with transaction.atomic():
        record = _locked_record(obj, create=False)
        if record is None:
            return None
        record.last_reviewed_at = when
        record.change_pending_since = None
        record.change_due = None
        record.change_reason = ""
        return _store(obj, record, today=timezone.localdate(when))


def mark_reviewed(obj, user, when: datetime | None = None) -> Ownership | None:
    """«Отметить как проверенную»: a review without a new revision, logged with the user."""
    with transaction.atomic():
        record = record_review(obj, when)
        if record is not None:
            log(instance=obj, action=MARK_REVIEWED_ACTION, user=user)
    return record


def start_deadline(
    obj,
    *,
    reason: str,
    days: int | None = 3,
    since: datetime | date | None = None,
    due: date | None = None,
) -> date | None:
    """A registry ``obj`` shows changed: it must be reviewed by ``due``, else by the day of ``since`` + ``days``.

    The earliest pending deadline wins and keeps its reason; the next review clears it. An object without a
    record gets one (with no owner, which the report shows as «no owner»). Returns the object's due date.
    """
    since = since or timezone.now()
    if due is None:
        if days is None:
            raise ValueError("start_deadline needs days or due")
        due = local_date(since) + timedelta(days=days)
    moment = since if isinstance(since, datetime) else timezone.make_aware(datetime.combine(since, datetime.min.time()))
    with transaction.atomic():
        record = _locked_record(obj)
        if record.change_due is None or due < record.change_due:
            record.change_due = due
            record.change_reason = str(reason)[:255]
        if record.change_pending_since is None or moment < record.change_pending_since:
            record.change_pending_since = moment
        record = _store(obj, record)
    logger.info("Review deadline %s started for %s", record.review_due, record)
    return record.review_due


def reassign_unit(source, target) -> int:
    """Give everything unit ``source`` owns to unit ``target``."""
    with transaction.atomic():
        moved = Ownership.objects.filter(owner_unit=source).update(owner_unit=target)
    logger.info("Reassigned %s owned objects from unit %s to unit %s", moved, source.pk, target.pk)
    return moved


def assign_many(assignments, reviewed_at: datetime | None = None) -> int:
    """``assign`` for many objects at once: ``[(obj, assign keywords), ...]`` (the site generator's bulk path)."""
    records = []
    for obj, values in assignments:
        record = _new_record(obj)
        record.owner_unit = values.get("unit")
        record.official = values.get("official")
        record.review_rule = values.get("rule") or ReviewRule.AS_NEEDED
        record.review_interval_days = values.get("interval_days")
        record.review_interval_months = values.get("interval_months")
        record.review_fixed_date = values.get("fixed_date")
        record.review_cadence_text = values.get("cadence_text") or ""
        record.last_reviewed_at = reviewed_at
        records.append(record)
    bulk_store(records)
    return len(records)


def bulk_store(records: list[Ownership], today: date | None = None) -> None:
    """Write many prepared records at once (the backfill and the site generator), due dates computed here."""
    for record in records:
        record.review_due = due_date(record, today=today)
    Ownership.objects.bulk_create(
        records,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=[*RULE_FIELDS, "page", "last_reviewed_at", "review_due"],
    )
