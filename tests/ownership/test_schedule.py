"""Each review rule against the calendar, in the site's time zone."""

from datetime import UTC, date, datetime

import pytest

from cms.ownership.rules import ReviewRule
from cms.ownership.schedule import add_months, compute_due, local_date

TODAY = date(2026, 5, 15)


@pytest.mark.parametrize(
    ("reviewed", "days", "due"),
    [
        (date(2026, 5, 15), 30, date(2026, 6, 14)),
        (date(2026, 12, 20), 30, date(2027, 1, 19)),  # across the year
        (date(2028, 2, 28), 1, date(2028, 2, 29)),  # leap day exists in 2028
        (date(2027, 2, 28), 1, date(2027, 3, 1)),
    ],
)
def test_continuous_every_n_days(reviewed, days, due):
    assert compute_due(ReviewRule.CONTINUOUS, last_reviewed=reviewed, interval_days=days, today=TODAY) == due


def test_continuous_never_reviewed_counts_from_today():
    assert compute_due(ReviewRule.CONTINUOUS, last_reviewed=None, interval_days=7, today=TODAY) == date(2026, 5, 22)


@pytest.mark.parametrize(
    ("reviewed", "due"),
    [
        (date(2026, 1, 1), date(2026, 6, 30)),  # Q1 review, due end of Q2
        (date(2026, 3, 31), date(2026, 6, 30)),
        (date(2026, 4, 1), date(2026, 9, 30)),
        (date(2026, 9, 30), date(2026, 12, 31)),
        (date(2026, 10, 1), date(2027, 3, 31)),  # Q4 review, due end of next year's Q1
        (date(2026, 12, 31), date(2027, 3, 31)),
    ],
)
def test_quarterly_is_due_by_the_end_of_the_next_quarter(reviewed, due):
    assert compute_due(ReviewRule.QUARTERLY, last_reviewed=reviewed, today=TODAY) == due


def test_quarterly_never_reviewed_is_due_at_the_end_of_this_quarter():
    assert compute_due(ReviewRule.QUARTERLY, last_reviewed=None, today=date(2026, 2, 10)) == date(2026, 3, 31)
    assert compute_due(ReviewRule.QUARTERLY, last_reviewed=None, today=date(2026, 12, 31)) == date(2026, 12, 31)


def test_annually_by_31_december_of_the_next_year():
    assert compute_due(ReviewRule.ANNUALLY, last_reviewed=date(2026, 1, 1), today=TODAY) == date(2027, 12, 31)
    assert compute_due(ReviewRule.ANNUALLY, last_reviewed=date(2026, 12, 31), today=TODAY) == date(2027, 12, 31)
    assert compute_due(ReviewRule.ANNUALLY, last_reviewed=None, today=TODAY) == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("reviewed", "months", "due"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 7, 15), 6, date(2027, 1, 15)),
    ],
)
def test_annually_every_n_months(reviewed, months, due):
    assert compute_due(ReviewRule.ANNUALLY, last_reviewed=reviewed, interval_months=months, today=TODAY) == due


def test_add_months_clamps_to_month_end():
    assert add_months(date(2024, 2, 29), 48) == date(2028, 2, 29)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)


def test_on_change_has_no_deadline_until_the_clock_starts():
    assert compute_due(ReviewRule.ON_CHANGE, last_reviewed=date(2026, 1, 1), interval_days=3, today=TODAY) is None
    due = compute_due(
        ReviewRule.ON_CHANGE,
        last_reviewed=date(2026, 1, 1),
        interval_days=3,
        change_pending_since=date(2026, 12, 30),
        today=TODAY,
    )
    assert due == date(2027, 1, 2)


def test_fixed_date_is_due_until_met_then_annual():
    rule = ReviewRule.FIXED_DATE
    q2_2018 = date(2018, 6, 30)
    assert compute_due(rule, last_reviewed=None, fixed_date=q2_2018, today=TODAY) == q2_2018
    assert compute_due(rule, last_reviewed=date(2018, 6, 1), fixed_date=q2_2018, today=TODAY) == q2_2018
    # Met (reviewed after the date has passed): the documented recurring rule, annually.
    assert compute_due(rule, last_reviewed=date(2026, 5, 15), fixed_date=q2_2018, today=TODAY) == date(2027, 12, 31)


@pytest.mark.parametrize("rule", [ReviewRule.AS_NEEDED, ReviewRule.DONE])
def test_rules_without_deadline(rule):
    assert compute_due(rule, last_reviewed=date(2020, 1, 1), today=TODAY) is None


def test_barnaul_midnight_decides_the_day():
    # 31 March 2026 17:30 UTC is 1 April 00:30 in Barnaul (UTC+7): a second-quarter review.
    late_evening_utc = datetime(2026, 3, 31, 17, 30, tzinfo=UTC)
    assert local_date(late_evening_utc) == date(2026, 4, 1)
    assert compute_due(ReviewRule.QUARTERLY, last_reviewed=late_evening_utc, today=TODAY) == date(2026, 9, 30)
    # 16:59 UTC is still 31 March there.
    assert compute_due(
        ReviewRule.QUARTERLY, last_reviewed=datetime(2026, 3, 31, 16, 59, tzinfo=UTC), today=TODAY
    ) == date(2026, 6, 30)
