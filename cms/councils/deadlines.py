"""The roadmap's deadlines for the councils (5.1–5.4), started through the ownership engine.

A change in a registry puts a review deadline on every page that shows it: the council's own page and the
rubric's subsection listing that registry. Publishing a page (or «mark as reviewed») clears its deadline.
The yearly discussion of plans and reports (5.5) is the annual rule of the meetings page, set by the rubric file.
"""

from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from cms.ownership import api as ownership

CHANGE_DAYS = 3  # «в течение 3 дней с момента внесения изменений / со дня утверждения»


def pages_showing(council, section_model) -> list:
    """The council's page and the live subsection pages of ``section_model`` (they list every council)."""
    return [council, *section_model.objects.live()]


def _start(pages, **kwargs) -> date | None:
    due = None
    for page in pages:
        page_due = ownership.start_deadline(page, **kwargs)
        due = page_due if due is None else min(due, page_due)
    return due


def _council(council_id):
    """The council page, or None once it is gone (a row deleted along with its council starts nothing)."""
    from .models import CouncilPage

    return CouncilPage.objects.filter(pk=council_id).first()


def members_changed(council_id, name: str) -> date | None:
    from .models import CouncilCompositionsPage

    council = _council(council_id)
    if council is None:
        return None
    reason = _("Council composition changed: %(name)s") % {"name": name}
    return _start(pages_showing(council, CouncilCompositionsPage), reason=reason, days=CHANGE_DAYS)


def statute_changed(council_id, title: str) -> date | None:
    from .models import CouncilStatutesPage

    council = _council(council_id)
    if council is None:
        return None
    reason = _("Council statute changed: %(title)s") % {"title": title}
    return _start(pages_showing(council, CouncilStatutesPage), reason=reason, days=CHANGE_DAYS)


def plan_changed(council_id, year: int, since: date | None = None) -> date | None:
    """A newly approved plan is due 3 days from its approval date (``since``); a later edit, 3 days from now."""
    from .models import CouncilPlansPage

    council = _council(council_id)
    if council is None:
        return None
    reason = _("Work plan for %(year)s approved") % {"year": year}
    return _start(pages_showing(council, CouncilPlansPage), reason=reason, days=CHANGE_DAYS, since=since)


def notice_changed(notice) -> date | None:
    """A notice must be on the site when applications open; once they have opened, at once.

    Editing the notice of a procedure that is over (a typo in the archive) starts nothing.
    """
    from .models import CouncilFormationPage

    today = timezone.localdate()
    if notice.procedure_end < today:
        return None
    reason = _("Formation notice: %(title)s") % {"title": notice.title}
    due = max(notice.procedure_start, today)
    council = _council(notice.council_id)
    if council is None:
        return None
    # Pages following «within 3 days of a change» would count 3 days from now; the roadmap (5.3) counts from the
    # procedure, so the clock starts 3 days before applications open (or now, when that is sooner).
    since = max(today, due - timedelta(days=CHANGE_DAYS))
    return _start(pages_showing(council, CouncilFormationPage), reason=reason, due=due, since=since)
