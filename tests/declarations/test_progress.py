"""Percent done: plan against actual for higher- and lower-is-better targets, with zeros and missing values."""

from decimal import Decimal

import pytest

from cms.declarations.progress import HIGHER, LOWER, percent_done


@pytest.mark.parametrize(
    ("target", "actual", "direction", "expected"),
    [
        (60, 61, HIGHER, "101.7"),  # over-fulfilled
        (60, 45, HIGHER, "75.0"),
        (3, 1, HIGHER, "33.3"),  # rounded to one decimal, half up
        (10, 11, LOWER, "90.9"),  # took 11 days where 10 were planned
        (10, 5, LOWER, "200.0"),  # halving the time is twice the plan
        (10, 10, LOWER, "100.0"),
        ("12.5", "12.5", HIGHER, "100.0"),
    ],
)
def test_percent_done_divides_the_right_way_round(target, actual, direction, expected):
    assert percent_done(Decimal(str(target)), Decimal(str(actual)), direction).percent == Decimal(expected)


def test_zero_target_higher_is_better_is_met_by_any_non_negative_actual():
    assert percent_done(0, 0, HIGHER).percent == Decimal("100.0")
    assert percent_done(0, 3, HIGHER).percent == Decimal("100.0")
    assert percent_done(0, -1, HIGHER).percent == Decimal("0")


def test_zero_target_lower_is_better_is_met_only_by_zero():
    # «0 обоснованных жалоб»: none is the plan; one complaint misses it completely.
    assert percent_done(0, 0, LOWER).percent == Decimal("100.0")
    assert percent_done(0, 1, LOWER).percent == Decimal("0")
    assert percent_done(0, 1, LOWER).met is False


def test_zero_actual_lower_is_better_meets_a_positive_target():
    progress = percent_done(5, 0, LOWER)
    assert progress.percent == Decimal("100.0")
    assert progress.met is True


def test_zero_actual_higher_is_better_is_zero_percent_not_missing():
    progress = percent_done(6, 0, HIGHER)
    assert progress.percent == Decimal("0.0")
    assert progress.reason == ""
    assert progress.met is False


def test_missing_target_or_actual_gives_no_percent_and_says_why():
    no_target = percent_done(None, 86, HIGHER)
    assert (no_target.percent, no_target.reason, no_target.actual) == (None, "no_target", Decimal(86))
    no_actual = percent_done(70, None, LOWER)
    assert (no_actual.percent, no_actual.reason, no_actual.target) == (None, "no_actual", Decimal(70))
    assert no_actual.met is None


def test_signs_that_differ_count_as_nothing_achieved():
    assert percent_done(10, -5, HIGHER).percent == Decimal("0")
