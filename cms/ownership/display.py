"""Human-readable text for rules and statuses, shared by the report, the panel, the e-mail and the API."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.ownership.rules import ReviewRule


def rule_summary(obj) -> str:
    """E.g. «Непрерывно (каждые N дней): 30 дней» from an object with the mixin's rule fields."""
    rule = obj.review_rule
    label = str(ReviewRule(rule).label) if rule in ReviewRule.values else rule
    days, months, fixed = obj.review_interval_days, obj.review_interval_months, obj.review_fixed_date
    if rule in (ReviewRule.CONTINUOUS, ReviewRule.ON_CHANGE) and days:
        detail = ngettext("%(count)s day", "%(count)s days", days) % {"count": days}
    elif rule == ReviewRule.ANNUALLY and months:
        detail = ngettext("every %(count)s month", "every %(count)s months", months) % {"count": months}
    elif rule == ReviewRule.FIXED_DATE and fixed:
        detail = formats.date_format(fixed, "SHORT_DATE_FORMAT")
    else:
        return label
    return _("%(rule)s: %(detail)s") % {"rule": label, "detail": detail}


def page_type_label(page) -> str:
    model = page.content_type.model_class() if page.content_type_id else None
    return str(model._meta.verbose_name) if model is not None else ""
