"""Percent done of an indicator: plan against actual, for «higher is better» and «lower is better» targets.

Pure arithmetic (no database): the page, the chart, the API and the import preview all read it from here.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

HIGHER = "higher"
LOWER = "lower"

_HUNDRED = Decimal(100)
_ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class Progress:
    """Plan against actual for one period. ``percent`` is None when it cannot be stated (and ``reason`` says why)."""

    target: Decimal | None
    actual: Decimal | None
    percent: Decimal | None
    reason: str = ""  # "no_target" | "no_actual" | ""

    @property
    def met(self) -> bool | None:
        return None if self.percent is None else self.percent >= _HUNDRED


def percent_done(target, actual, direction: str = HIGHER) -> Progress:
    """Percent of the target reached, rounded to one decimal.

    Higher is better: actual / target. Lower is better (e.g. days to answer): target / actual, so doing better
    than planned gives more than 100 %. A zero on either side is a stated value, not a missing one:
    a zero target is met by any actual that does not fall short of it (100 %) and missed otherwise (0 %);
    with lower is better an actual of zero meets any target that is not negative (100 %).
    """
    if target is None:
        return Progress(None, _dec(actual), None, "no_target")
    if actual is None:
        return Progress(_dec(target), None, None, "no_actual")
    target, actual = _dec(target), _dec(actual)
    if direction == LOWER:
        if actual == 0 or target == 0:
            value = _HUNDRED if actual <= target else Decimal(0)
        else:
            value = target / actual * _HUNDRED
    else:
        if target == 0:
            value = _HUNDRED if actual >= target else Decimal(0)
        else:
            value = actual / target * _HUNDRED
    value = max(value, Decimal(0))  # a negative ratio (signs differ) means nothing was achieved
    return Progress(target, actual, value.quantize(_ONE_DECIMAL, ROUND_HALF_UP))


def _dec(value) -> Decimal | None:
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))
