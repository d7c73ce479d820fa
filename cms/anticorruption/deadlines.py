"""Registry changes start the review deadline of the page that shows the registry (ownership's public API).

The periods follow the rubric cadences in data/rubrics.yaml: the commission page «в течение 3 дней с момента
внесения изменений»; a disclosure year is published within 14 days of its campaign being entered (the section's
practice of «14 рабочих дней со дня истечения срока подачи», counted in calendar days to stay on the safe side).
"""

from django.utils.translation import gettext as _

from cms.ownership import api as ownership

COMMISSION_DAYS = 3
DISCLOSURE_DAYS = 14


def _start(page_model, *, reason: str, days: int):
    """Start the deadline on every live page of ``page_model`` (normally one); returns the last due date."""
    due = None
    for page in page_model.objects.live():
        due = ownership.start_deadline(page, reason=reason, days=days)
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
