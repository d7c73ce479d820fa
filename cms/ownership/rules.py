"""The review rules a page can follow (kept apart from models so parsing needs no app registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewRule(models.TextChoices):
    CONTINUOUS = "continuous", _("Continuously (every N days)")
    QUARTERLY = "quarterly", _("Quarterly (by the end of the quarter)")
    ANNUALLY = "annually", _("Annually (by 31 December, or every N months)")
    ON_CHANGE = "on_change", _("Within N days of a change")
    FIXED_DATE = "fixed_date", _("By a fixed date")
    AS_NEEDED = "as_needed", _("As needed (no deadline)")
    DONE = "done", _("Done")


class ReviewStatus:
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    CURRENT = "current"
    NO_OWNER = "no_owner"

    choices = [
        (OVERDUE, _("overdue")),
        (DUE_SOON, _("due soon")),
        (CURRENT, _("current")),
        (NO_OWNER, _("no owner")),
    ]
    labels = dict(choices)
