"""Stages of a draft decision: in order, each once, dated; the timeline shows every stage with its date."""

from datetime import date

from cms.declarations.stages import Stage, StageEntry, current_stage, ordered, stage_errors, timeline


def entries(*pairs):
    return [StageEntry(stage, day) for stage, day in pairs]


def test_stages_in_order_have_no_errors_and_the_last_is_current():
    recorded = entries(
        ("initiation", date(2026, 1, 10)),
        ("published", date(2026, 2, 1)),
        ("discussion", date(2026, 2, 1)),
        ("summary", date(2026, 3, 1)),
    )
    assert stage_errors(recorded) == []
    assert current_stage(recorded) == Stage.SUMMARY


def test_a_stage_dated_before_the_previous_one_is_out_of_order():
    # After sorting by date, «adopted» comes before «discussion».
    recorded = ordered(entries(("discussion", date(2026, 3, 1)), ("adopted", date(2026, 2, 1))))
    assert stage_errors(recorded) == ["Этап «Общественное обсуждение» указан не по порядку."]


def test_a_stage_recorded_twice_or_undated_is_an_error():
    errors = stage_errors(entries(("initiation", date(2026, 1, 1)), ("initiation", date(2026, 1, 2))))
    assert errors == ["Этап «Уведомление о начале разработки» указан дважды."]
    assert stage_errors(entries(("published", None))) == ["Для этапа «Проект и материалы опубликованы» укажите дату."]


def test_stages_of_one_day_keep_their_natural_order():
    same_day = date(2026, 2, 1)
    recorded = ordered(entries(("discussion", same_day), ("published", same_day)))
    assert [e.stage for e in recorded] == ["published", "discussion"]
    assert stage_errors(recorded) == []


def test_timeline_lists_every_stage_with_its_date_and_marks_the_current_one():
    rows = timeline(entries(("initiation", date(2026, 1, 10)), ("published", date(2026, 2, 1))))
    assert [r["stage"] for r in rows] == ["initiation", "published", "discussion", "summary", "adopted"]
    assert [r["day"] for r in rows] == [date(2026, 1, 10), date(2026, 2, 1), None, None, None]
    assert [r["current"] for r in rows] == [False, True, False, False, False]
