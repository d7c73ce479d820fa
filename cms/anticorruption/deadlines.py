"""Registry changes start the review deadline of the page that shows the registry (ownership's public API).

The periods follow the rubric cadences in data/rubrics.yaml: the commission page «в течение 3 дней с момента
внесения изменений»; a disclosure year is published within 14 days of its campaign being entered (the section's
practice of «14 рабочих дней со дня истечения срока подачи», counted in calendar days to stay on the safe side).
"""

import logging

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

COMMISSION_DAYS = 3
DISCLOSURE_DAYS = 14


def _start(page_model, *, reason: str, days: int):
    from cms.ownership import api as ownership

    start_deadline = getattr(ownership, "start_deadline", None)
    if start_deadline is None:  # ownership's public API not installed (it lands with the ownership redesign)
        logger.warning("ownership.start_deadline unavailable; deadline «%s» not started", reason)
        return None
    due = None
    for page in page_model.objects.live():
        due = start_deadline(page, reason=reason, days=days)
    return due


def commission_changed(what: str):
    from .models import CommissionPage

    return _start(CommissionPage, reason=_("Commission changed: %(what)s") % {"what": what}, days=COMMISSION_DAYS)


def disclosures_changed(year: int, what: str):
    from .models import DisclosuresPage

    return _start(
        DisclosuresPage,
        reason=_("Disclosures of %(year)s: %(what)s") % {"year": year, "what": what},
        days=DISCLOSURE_DAYS,
    )
