import datetime

import pytest
from django.utils import timezone
from wagtail.blocks import StructBlockValidationError

from transparency_blocks.blocks import NoticeBlock
from transparency_blocks.blocks.notices import site_today

TEXT = "<p>Приём граждан 4 ноября не проводится.</p>"


def notice(valid_from=None, valid_until=None):
    return {
        "text": TEXT,
        "valid_from": valid_from.isoformat() if valid_from else None,
        "valid_until": valid_until.isoformat() if valid_until else None,
    }


def days(n):
    return site_today() + datetime.timedelta(days=n)


@pytest.mark.parametrize(("from_offset", "until_offset"), [(None, None), (0, None), (None, 0), (-3, 3), (0, 0)])
def test_notice_is_shown_while_valid(render_stream, from_offset, until_offset):
    valid_from = None if from_offset is None else days(from_offset)
    valid_until = None if until_offset is None else days(until_offset)
    html = render_stream(("notice", notice(valid_from, valid_until)))
    assert '<div class="notice" role="note">' in html
    assert "Приём граждан 4 ноября не проводится." in html


def test_notice_is_hidden_before_its_start(render_stream):
    html = render_stream(("notice", notice(days(1), days(5))))
    assert "Приём граждан" not in html


def test_notice_is_hidden_after_its_end(render_stream):
    html = render_stream(("notice", notice(days(-5), days(-1))))
    assert "Приём граждан" not in html


def test_notice_tells_until_when_it_is_valid(render_stream):
    html = render_stream(("notice", notice(None, datetime.date(2999, 12, 31))))
    assert "Действует до 31 декабря 2999 г." in html


def freeze_utc(monkeypatch, *args):
    moment = datetime.datetime(*args, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_dates_are_judged_in_the_site_time_zone(render_stream, monkeypatch):
    # 18:30 UTC on 31 December is already 01:30 on 1 January in Barnaul (UTC+7).
    freeze_utc(monkeypatch, 2026, 12, 31, 18, 30)
    with timezone.override("UTC"):  # an admin user's own time zone must not matter
        ended = render_stream(("notice", notice(None, datetime.date(2026, 12, 31))))
        started = render_stream(("notice", notice(datetime.date(2027, 1, 1), None)))
    assert "Приём граждан" not in ended
    assert "Приём граждан" in started


def test_end_before_start_is_refused_in_russian():
    block = NoticeBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(notice(datetime.date(2026, 5, 10), datetime.date(2026, 5, 9))))
    assert raised.value.block_errors["valid_until"].messages == ["Дата окончания не может быть раньше даты начала."]


def test_one_day_notice_is_valid():
    block = NoticeBlock()
    cleaned = block.clean(block.to_python(notice(datetime.date(2026, 5, 10), datetime.date(2026, 5, 10))))
    assert cleaned["valid_until"] == datetime.date(2026, 5, 10)


def test_editor_preview_shows_a_hidden_notice_with_a_warning(render_stream, rf):
    request = rf.get("/")
    request.is_preview = True
    html = render_stream(("notice", notice(days(1), None)), context={"request": request})
    assert "Приём граждан 4 ноября не проводится." in html
    assert "Сегодня посетители не видят это объявление" in html


def test_visitors_never_see_the_preview_warning(render_stream, rf):
    request = rf.get("/")
    request.is_preview = False
    assert "Приём граждан" not in render_stream(("notice", notice(days(1), None)), context={"request": request})
    assert "Сегодня посетители" not in render_stream(("notice", notice(None, None)), context={"request": request})
