"""Due dates of the review rules, as calendar dates in the site's time zone (docs/review-rules.md)."""

import calendar
from datetime import date, datetime, timedelta

from django.utils import timezone

from cms.ownership.cadence import quarter_end
from cms.ownership.rules import ReviewRule


def local_date(moment: datetime | date | None) -> date | None:
    """The calendar day of ``moment`` in the site's time zone (Asia/Barnaul)."""
    if moment is None:
        return None
    if isinstance(moment, datetime):
        if timezone.is_naive(moment):
            return moment.date()
        return timezone.localtime(moment).date()
    return moment


def add_months(day: date, months: int) -> date:
    """``day`` plus calendar months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def next_quarter_end(day: date) -> date:
    """End of the quarter after the one ``day`` falls in."""
    quarter = _quarter_of(day) + 1
    year = day.year + (quarter > 4)
    return quarter_end(year, (quarter - 1) % 4 + 1)


def compute_due(
    rule: str,
    *,
    last_reviewed: datetime | date | None,
    today: date | None = None,
    interval_days: int | None = None,
    interval_months: int | None = None,
    fixed_date: date | None = None,
    change_pending_since: datetime | date | None = None,
) -> date | None:
    """The day by which the page must next be reviewed, or None when the rule sets no deadline."""
    today = today or timezone.localdate()
    reviewed = local_date(last_reviewed)
    base = reviewed or today

    if rule == ReviewRule.CONTINUOUS:
        return base + timedelta(days=interval_days) if interval_days else None
    if rule == ReviewRule.QUARTERLY:
        return next_quarter_end(reviewed) if reviewed else quarter_end(today.year, _quarter_of(today))
    if rule == ReviewRule.ANNUALLY:
        if interval_months:
            return add_months(base, interval_months)
        return date(reviewed.year + 1, 12, 31) if reviewed else date(today.year, 12, 31)
    if rule == ReviewRule.ON_CHANGE:
        changed = local_date(change_pending_since)
        if changed is None or not interval_days:
            return None
        return changed + timedelta(days=interval_days)
    if rule == ReviewRule.FIXED_DATE:
        if fixed_date is None:
            return None
        if reviewed is not None and reviewed > fixed_date:
            # The one-off deadline is met; the page now follows the annual rule.
            return date(reviewed.year + 1, 12, 31)
        return fixed_date
    return None  # as needed, done


def compute_due_for(page, today: date | None = None) -> date | None:
    """``compute_due`` from a page's (or any object's) mixin fields."""
    return compute_due(
        page.review_rule,
        last_reviewed=page.last_reviewed_at,
        today=today,
        interval_days=page.review_interval_days,
        interval_months=page.review_interval_months,
        fixed_date=page.review_fixed_date,
        change_pending_since=page.change_pending_since,
    )
