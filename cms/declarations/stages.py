"""The stages a draft decision moves through (roadmap 4.1–4.3) and the rules for recording them.

Stages are recorded in order, each once, each with the day it was reached; the page shows them as a timeline.
The deadlines that follow a stage are data (``STAGE_DEADLINES``) so they can be corrected without a code change.
"""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    INITIATION = "initiation", _("Notice of initiation")
    PUBLISHED = "published", _("Draft and materials published")
    DISCUSSION = "discussion", _("Public discussion")
    SUMMARY = "summary", _("Summary of proposals")
    ADOPTED = "adopted", _("Act adopted")


ORDER = [stage.value for stage in Stage]

# Days the owner unit has to publish what a stage calls for, counted from the stated day (docs/declarations.md).
SUMMARY_DAYS_AFTER_DISCUSSION = 10  # the summary of proposals after the discussion period ends
ADOPTED_LINK_DAYS = 3  # the adopted act's link «в течение 3 дней со дня принятия»


@dataclass(frozen=True)
class StageEntry:
    stage: str
    day: date | None


def ordered(entries: list[StageEntry]) -> list[StageEntry]:
    """By the day reached; stages of one day in their natural order. Undated entries last."""

    def key(entry):
        index = ORDER.index(entry.stage) if entry.stage in ORDER else len(ORDER)
        return (entry.day is None, entry.day or date.min, index)

    return sorted(entries, key=key)


def stage_errors(entries: list[StageEntry]) -> list[str]:
    """Readable problems with a list of recorded stages (empty when they are in order)."""
    errors = []
    seen = set()
    previous_index, previous_day = -1, None
    for entry in entries:
        if entry.stage not in ORDER:
            errors.append(str(_("Unknown stage «%(stage)s».") % {"stage": entry.stage}))
            continue
        label = Stage(entry.stage).label
        if entry.stage in seen:
            errors.append(str(_("The stage «%(stage)s» is recorded twice.") % {"stage": label}))
            continue
        seen.add(entry.stage)
        index = ORDER.index(entry.stage)
        if index < previous_index:
            errors.append(str(_("The stage «%(stage)s» is out of order.") % {"stage": label}))
        if entry.day is None:
            errors.append(str(_("The stage «%(stage)s» needs the date it was reached.") % {"stage": label}))
        elif previous_day is not None and entry.day < previous_day:
            errors.append(str(_("The stage «%(stage)s» is dated before the stage before it.") % {"stage": label}))
        previous_index = max(previous_index, index)
        previous_day = entry.day or previous_day
    return errors


def current_stage(entries: list[StageEntry]) -> str | None:
    """The furthest stage reached."""
    reached = [ORDER.index(e.stage) for e in entries if e.stage in ORDER]
    return ORDER[max(reached)] if reached else None


def timeline(entries: list[StageEntry]) -> list[dict]:
    """Every stage in order, with its day when reached, for the page's timeline."""
    days = {e.stage: e.day for e in entries}
    current = current_stage(entries)
    rows = []
    for stage in Stage:
        rows.append(
            {
                "stage": stage.value,
                "label": stage.label,
                "day": days.get(stage.value),
                "reached": stage.value in days,
                "current": stage.value == current,
            }
        )
    return rows
