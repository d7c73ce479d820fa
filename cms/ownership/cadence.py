"""Map the roadmap's «срок исполнения» wording onto a review rule (see docs/review-rules.md).

The rubric data file and editors use the roadmap's own words; this module is the single place that
turns them into a ``ReviewSpec`` the page's rule fields are set from.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from cms.ownership.rules import ReviewRule

# «Постоянно» has no number in the roadmap; a month is the documented default.
CONTINUOUS_DEFAULT_DAYS = 30
# «В соответствии со сроками объявления процедуры»: the announcement starts the clock; the roadmap's other
# registry-driven items allow 3 days, so this one does too.
PROCEDURE_ANNOUNCEMENT_DAYS = 3

MONTHS_GENITIVE = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}


@dataclass(frozen=True)
class ReviewSpec:
    """A review rule with its parameter, and the wording it came from."""

    rule: ReviewRule
    interval_days: int | None = None
    interval_months: int | None = None
    fixed_date: date | None = None
    wording: str = ""

    def as_assign_kwargs(self) -> dict:
        """This spec as keywords of ``cms.ownership.api.assign``."""
        return {
            "rule": self.rule.value,
            "interval_days": self.interval_days,
            "interval_months": self.interval_months,
            "fixed_date": self.fixed_date,
            "cadence_text": self.wording,
        }


def quarter_end(year: int, quarter: int) -> date:
    """Last day of a calendar quarter (1..4)."""
    month = quarter * 3
    return date(year, month, calendar.monthrange(year, month)[1])


def _normalise(wording: str) -> str:
    text = wording.lower().replace("ё", "е").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(".;,")


def _date_or_error(year: int, month: int, day: int, wording: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"Invalid date in review deadline {wording!r}: {exc}") from exc


_FIXED = {
    "в течение года": ReviewSpec(ReviewRule.ANNUALLY),
    "ежегодно": ReviewSpec(ReviewRule.ANNUALLY),
    "ежеквартально": ReviewSpec(ReviewRule.QUARTERLY),
    "постоянно": ReviewSpec(ReviewRule.CONTINUOUS, interval_days=CONTINUOUS_DEFAULT_DAYS),
    "ежемесячно": ReviewSpec(ReviewRule.ANNUALLY, interval_months=1),
    "ежеполугодно": ReviewSpec(ReviewRule.ANNUALLY, interval_months=6),
    "раз в полгода": ReviewSpec(ReviewRule.ANNUALLY, interval_months=6),
    "еженедельно": ReviewSpec(ReviewRule.CONTINUOUS, interval_days=7),
    "ежедневно": ReviewSpec(ReviewRule.CONTINUOUS, interval_days=1),
    "по мере необходимости": ReviewSpec(ReviewRule.AS_NEEDED),
    "в соответствии со сроками объявления процедуры": ReviewSpec(
        ReviewRule.ON_CHANGE, interval_days=PROCEDURE_ANNOUNCEMENT_DAYS
    ),
    "исполнено": ReviewSpec(ReviewRule.DONE),
}

_DAYS = r"(?P<n>\d{1,4}) (?:рабочих |календарных )?(?:день|дня|дней)"
_ON_CHANGE = re.compile(
    rf"^в течение {_DAYS} (?:с момента|со дня|с даты|после) "
    r"(?:внесения изменений|изменения|изменений|утверждения|принятия|подписания|опубликования)"
    r"(?: .*)?$"
)
_EVERY_DAYS = re.compile(rf"^(?:каждые|раз в) {_DAYS}$")
_EVERY_MONTHS = re.compile(r"^(?:каждые|раз в) (?P<n>\d{1,3}) (?:месяц|месяца|месяцев)$")
_QUARTER = re.compile(r"^(?:до конца )?(?P<q>[1-4]|i{1,3}|iv)(?:-?й)? квартал(?:а)? (?P<y>\d{4})(?: года| г)?$")
_HALF_YEAR = re.compile(r"^(?P<h>[12]|i{1,2})(?:-?е)? полугоди[ея] (?P<y>\d{4})(?: года| г)?$")
_YEAR = re.compile(r"^(?:в течение |до конца )?(?P<y>\d{4}) (?:года|год|г)$")
_NUMERIC_DATE = re.compile(r"^(?:до |не позднее )?(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?: года| г)?$")
_WORDED_DATE = re.compile(r"^(?:до |не позднее )?(?P<d>\d{1,2}) (?P<m>[а-я]+) (?P<y>\d{4})(?: года| г)?$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _number(token: str) -> int:
    return _ROMAN.get(token) or int(token)


def parse_cadence(wording: str) -> ReviewSpec:
    """Return the review rule the roadmap wording stands for; ``ValueError`` for wording it does not know."""
    if not isinstance(wording, str) or not wording.strip():
        raise ValueError("Review deadline wording is empty.")
    text = _normalise(wording)
    original = re.sub(r"\s+", " ", wording).strip()

    if text in _FIXED:
        spec = _FIXED[text]
        return ReviewSpec(spec.rule, spec.interval_days, spec.interval_months, spec.fixed_date, original)
    if match := _ON_CHANGE.match(text):
        return ReviewSpec(ReviewRule.ON_CHANGE, interval_days=_positive(match["n"], wording), wording=original)
    if match := _EVERY_DAYS.match(text):
        return ReviewSpec(ReviewRule.CONTINUOUS, interval_days=_positive(match["n"], wording), wording=original)
    if match := _EVERY_MONTHS.match(text):
        return ReviewSpec(ReviewRule.ANNUALLY, interval_months=_positive(match["n"], wording), wording=original)
    if match := _QUARTER.match(text):
        due = quarter_end(int(match["y"]), _number(match["q"]))
        return ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=due, wording=original)
    if match := _HALF_YEAR.match(text):
        due = quarter_end(int(match["y"]), _number(match["h"]) * 2)
        return ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=due, wording=original)
    if match := _YEAR.match(text):
        return ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=date(int(match["y"]), 12, 31), wording=original)
    if match := _NUMERIC_DATE.match(text):
        due = _date_or_error(int(match["y"]), int(match["m"]), int(match["d"]), wording)
        return ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=due, wording=original)
    if (match := _WORDED_DATE.match(text)) and match["m"] in MONTHS_GENITIVE:
        due = _date_or_error(int(match["y"]), MONTHS_GENITIVE[match["m"]], int(match["d"]), wording)
        return ReviewSpec(ReviewRule.FIXED_DATE, fixed_date=due, wording=original)
    raise ValueError(
        f"Unknown review deadline wording {wording!r}: expected e.g. «ежеквартально», «в течение года», "
        "«в течение 3 дней с момента внесения изменений», «2 квартал 2018 года», «до 31.12.2026» "
        "(see docs/review-rules.md)."
    )


def _positive(token: str, wording: str) -> int:
    value = int(token)
    if value <= 0:
        raise ValueError(f"Review deadline {wording!r} needs a positive number.")
    return value
