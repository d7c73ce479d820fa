"""Per-page ownership and review deadlines, as an abstract mixin for any Wagtail page type."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.ownership.rules import ReviewRule

__all__ = ["OwnedPageMixin", "ReviewRule"]


class OwnedPageMixin(models.Model):
    """Owner unit, optional official and the review rule of a content page.

    ``last_reviewed_at`` and ``review_due`` are derived and belong to the live page row only.
    """

    owner_unit = models.ForeignKey(
        "snippets.ResponsibleUnit",
        verbose_name=_("owner unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    official = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_rule = models.CharField(
        _("review rule"), max_length=20, choices=ReviewRule.choices, default=ReviewRule.AS_NEEDED
    )
    review_interval_days = models.PositiveIntegerField(_("N days"), null=True, blank=True)
    review_interval_months = models.PositiveIntegerField(_("N months"), null=True, blank=True)
    review_fixed_date = models.DateField(_("fixed date"), null=True, blank=True)
    review_cadence_text = models.CharField(_("deadline as worded in the roadmap"), max_length=255, blank=True)
    last_reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True, editable=False)
    review_due = models.DateField(_("review due"), null=True, blank=True, editable=False, db_index=True)
    change_pending_since = models.DateTimeField(_("changed since"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True
