"""What changes in this area mean for the owner unit's deadlines (through ownership's public API only)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from cms.declarations.stages import SUMMARY_DAYS_AFTER_DISCUSSION, Stage

REGISTRY_CHANGE_DAYS = 3  # «в течение 3 дней с момента внесения изменений»


def indicators_changed(declaration) -> None:
    """Indicators or actual values of a declaration changed: its page is due for review within three days."""
    from cms.ownership import api as ownership

    ownership.start_deadline(declaration, reason=_("Indicators or actual values changed"), days=REGISTRY_CHANGE_DAYS)


def stage_deadline(page) -> None:
    """After a draft act is published: a discussion that has not been summed up makes the summary due.

    The summary of proposals is due ``SUMMARY_DAYS_AFTER_DISCUSSION`` days after the period ends; once the summary
    (or adoption) stage is recorded there is nothing more to chase.
    """
    from cms.ownership import api as ownership

    if page.discussion_end is None:
        return
    reached = {entry.stage for entry in page.stage_entries()}
    if Stage.SUMMARY in reached or Stage.ADOPTED in reached:
        return
    due = page.discussion_end + timedelta(days=SUMMARY_DAYS_AFTER_DISCUSSION)
    if due < timezone.localdate() - timedelta(days=365):
        return  # an old page republished: do not flood the report with year-old deadlines
    ownership.start_deadline(page, reason=_("Publish the summary of proposals"), due=due)
