from datetime import date

import pytest

from cms.ownership.cadence import ReviewSpec, parse_cadence
from cms.ownership.rules import ReviewRule


@pytest.mark.parametrize(
    ("wording", "expected"),
    [
        ("в течение года", ReviewSpec(ReviewRule.ANNUALLY)),
        ("Ежегодно", ReviewSpec(ReviewRule.ANNUALLY)),
        ("  ЕЖЕКВАРТАЛЬНО  ", ReviewSpec(ReviewRule.QUARTERLY)),
        ("Постоянно", ReviewSpec(ReviewRule.CONTINUOUS, interval_days=30)),
        ("в течение 3 дней с момента внесения изменений", ReviewSpec(ReviewRule.ON_CHANGE, interval_days=3)),
        ("в течение 10 дней со дня утверждения", ReviewSpec(ReviewRule.ON_CHANGE, interval_days=10)),
        ("2 квартал 2018 года", ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=date(2018, 6, 30))),
        ("3 квартал 2018 года", ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=date(2018, 9, 30))),
        ("IV квартал 2019 года", ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=date(2019, 12, 31))),
        ("1 квартал 2020 г.", ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=date(2020, 3, 31))),
        ("по мере \nнеобходимости", ReviewSpec(ReviewRule.AS_NEEDED)),
        ("в соответствии со сроками объявления процедуры", ReviewSpec(ReviewRule.ON_CHANGE, interval_days=3)),
        ("исполнено", ReviewSpec(ReviewRule.DONE)),
        ("ежемесячно", ReviewSpec(ReviewRule.ANNUALLY, interval_months=1)),
        ("еженедельно", ReviewSpec(ReviewRule.CONTINUOUS, interval_days=7)),
        ("каждые 14 дней", ReviewSpec(ReviewRule.CONTINUOUS, interval_days=14)),
        ("до 31.12.2026", ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=date(2026, 12, 31))),
        ("до 29 февраля 2028 года", ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=date(2028, 2, 29))),
        ("2 полугодие 2018 года", ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=date(2018, 12, 31))),
    ],
)
def test_roadmap_wording_maps_to_rule(wording, expected):
    spec = parse_cadence(wording)
    assert (spec.rule, spec.interval_days, spec.interval_months, spec.fixed_date) == (
        expected.rule,
        expected.interval_days,
        expected.interval_months,
        expected.fixed_date,
    )


def test_wording_is_kept_with_whitespace_collapsed():
    assert parse_cadence(" по мере \n необходимости ").wording == "по мере необходимости"


def test_spec_gives_field_values():
    values = parse_cadence("в течение 3 дней со дня утверждения").as_assign_kwargs()
    assert values == {
        "rule": "on_change",
        "interval_days": 3,
        "interval_months": None,
        "fixed_date": None,
        "cadence_text": "в течение 3 дней со дня утверждения",
    }


@pytest.mark.parametrize(
    "wording", ["", "   ", "когда-нибудь", "5 квартал 2018 года", "до 31.02.2026", "каждые 0 дней"]
)
def test_unknown_or_invalid_wording_is_refused_readably(wording):
    with pytest.raises(ValueError, match=r"[Rr]eview deadline"):
        parse_cadence(wording)


def test_every_wording_in_the_roadmap_is_understood():
    """The roadmap's own «срок исполнения» column parses (its cells may wrap over two lines)."""
    roadmap = {
        "в течение года",
        "ежеквартально",
        "ежегодно",
        "Постоянно",
        "в течение 3 дней с момента внесения изменений",
        "в течение 3 дней со дня утверждения",
        "2 квартал 2018 года",
        "3 квартал 2018 года",
        "по мере \nнеобходимости",
        "в соответствии со сроками объявления процедуры",
        "исполнено",
    }
    for wording in roadmap:
        assert isinstance(parse_cadence(wording).rule, ReviewRule)
