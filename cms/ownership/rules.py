"""The review rules a page can follow (kept apart from models so parsing needs no app registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewRule(models.TextChoices):
    CONTINUOUS = "continuous", _("Continuously (at an interval in days)")
    QUARTERLY = "quarterly", _("Quarterly (by the end of the quarter)")
    ANNUALLY = "annually", _("Annually (by 31 December, or at an interval in months)")
    ON_CHANGE = "on_change", _("Within a number of days of a change")
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


def rule_errors(rule: str, interval_days, fixed_date) -> dict:
    """{field: message} for a rule given without the parameter it needs (form and model validation)."""
    errors = {}
    if rule in (ReviewRule.CONTINUOUS, ReviewRule.ON_CHANGE) and not interval_days:
        errors["review_interval_days"] = _("This rule needs the number of days.")
    if rule == ReviewRule.FIXED_DATE and not fixed_date:
        errors["review_fixed_date"] = _("This rule needs a date.")
    return errors
