"""The discussion period is whole local days (Asia/Barnaul, UTC+7), first and last day included."""

from datetime import UTC, date, datetime

import pytest

from cms.declarations.window import CLOSED, NOT_SET, NOT_STARTED, OPEN, Window

WINDOW = Window(date(2026, 3, 1), date(2026, 3, 10))


@pytest.mark.parametrize(
    ("moment", "state"),
    [
        (datetime(2026, 2, 28, 16, 59, 59, tzinfo=UTC), NOT_STARTED),  # 23:59:59 on 28 February in Barnaul
        (datetime(2026, 2, 28, 17, 0, 0, tzinfo=UTC), OPEN),  # 00:00 on 1 March in Barnaul (still 28 Feb in UTC)
        (datetime(2026, 3, 10, 16, 59, 59, tzinfo=UTC), OPEN),  # 23:59:59 on the last day in Barnaul
        (datetime(2026, 3, 10, 17, 0, 0, tzinfo=UTC), CLOSED),  # 00:00 on 11 March in Barnaul (10 March in UTC)
    ],
)
def test_window_opens_and_closes_at_barnaul_midnight(moment, state):
    assert WINDOW.state(moment) == state
    assert WINDOW.is_open(moment) is (state == OPEN)


def test_a_one_day_period_is_open_all_that_local_day():
    one_day = Window(date(2026, 3, 5), date(2026, 3, 5))
    assert one_day.is_open(datetime(2026, 3, 4, 17, 0, tzinfo=UTC))
    assert one_day.is_open(datetime(2026, 3, 5, 16, 59, tzinfo=UTC))
    assert not one_day.is_open(datetime(2026, 3, 5, 17, 0, tzinfo=UTC))


def test_no_dates_means_no_discussion():
    assert Window(None, None).state() == NOT_SET
    assert Window(date(2026, 3, 5), None).is_open() is False
