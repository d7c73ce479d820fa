"""A bar chart of percent done per indicator, drawn on the server as SVG (no JavaScript).

Every bar's figures are also stated in words (``Chart.text_lines``): the SVG carries them as its description
and the page prints them under the chart, so a screen reader or a reader with images off loses nothing.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from cms.declarations.numbers import figure, percent

WIDTH = 640
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
ROW_HEIGHT = 48
TOP = 28
LEFT = 8
BAR_AREA = 520  # pixels for SCALE_MAX percent
SCALE_MAX = Decimal(150)  # bars beyond 150 % are drawn at 150 % (the figure printed is the true one)
LABEL_CHARS = 70


@dataclass
class Bar:
    number: int
    label: str
    y: int
    text_y: int
    width: int
    value_x: int
    value_text: str
    status: str  # "met" | "short" | "none"


@dataclass
class Chart:
    title: str
    height: int
    bars: list = field(default_factory=list)
    text_lines: list = field(default_factory=list)
    reference_x: int = LEFT + int(BAR_AREA * 100 / SCALE_MAX)
    width: int = WIDTH
    axis_bottom: int = 0

    @property
    def description(self) -> str:
        return " ".join(self.text_lines)


def _shorten(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _reason_text(progress) -> str:
    if progress is None:
        return _("no actual value reported yet")
    if progress.reason == "no_target":
        return _("no target set, actual %(actual)s") % {"actual": figure(progress.actual)}
    if progress.reason == "no_actual":
        return _("target %(target)s, no actual value reported yet") % {"target": figure(progress.target)}
    return ""


def build_chart(indicators, year: int) -> Chart:
    """One bar per indicator: percent done for the furthest period reported (the year when it is reported)."""
    chart = Chart(title=_("Percent done by indicator, %(year)s") % {"year": year}, height=0)
    for number, indicator in enumerate(indicators, start=1):
        latest = indicator.latest()
        progress = latest["progress"] if latest else None
        y = TOP + (number - 1) * ROW_HEIGHT
        name = f"{number}. {indicator.name}"
        if progress is not None and progress.percent is not None:
            shown = min(progress.percent, SCALE_MAX)
            width = max(int(BAR_AREA * shown / SCALE_MAX), 2)  # a zero still shows as a sliver next to its label
            status = "met" if progress.met else "short"
            value_text = percent(progress.percent)
            line = _(
                "%(number)s. %(name)s (%(period)s): plan %(target)s %(unit)s, actual %(actual)s %(unit)s, "
                "%(percent)s of the plan."
            ) % {
                "number": number,
                "name": indicator.name,
                "period": latest["label"],
                "target": figure(progress.target),
                "actual": figure(progress.actual),
                "unit": indicator.unit,
                "percent": value_text,
            }
        else:
            width, status = 0, "none"
            value_text = _("no data")
            line = _("%(number)s. %(name)s: %(reason)s.") % {
                "number": number,
                "name": indicator.name,
                "reason": _reason_text(progress),
            }
        chart.bars.append(
            Bar(
                number=number,
                label=_shorten(name),
                y=y + LABEL_HEIGHT,
                text_y=y + 13,
                width=width,
                value_x=LEFT + width + 6,
                value_text=value_text,
                status=status,
            )
        )
        chart.text_lines.append(line)
    chart.axis_bottom = TOP + len(chart.bars) * ROW_HEIGHT
    chart.height = chart.axis_bottom + 24
    return chart
