"""Per-page ownership and review deadlines, as an abstract mixin for any Wagtail page type."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from cms.ownership.api import ownership_api_fields
from cms.ownership.display import page_type_label, rule_summary
from cms.ownership.panels import ownership_panels
from cms.ownership.rules import ReviewRule, ReviewStatus
from cms.ownership.schedule import compute_due_for, local_date

__all__ = ["OwnedPageMixin", "PageReviewState", "ReviewDigestLog", "ReviewRule"]

# Fields that describe the rule; writing any of them recomputes the due date.
RULE_FIELDS = frozenset(
    {
        "owner_unit",
        "official",
        "review_rule",
        "review_interval_days",
        "review_interval_months",
        "review_fixed_date",
        "review_cadence_text",
        "last_reviewed_at",
        "change_pending_since",
    }
)
# Derived from the page's history, not from any one revision: kept from the live row.
DERIVED_FIELDS = ("last_reviewed_at", "review_due", "change_pending_since")


class OwnedPageMixin(models.Model):
    """Owner unit, optional official and the review rule of a content page.

    ``last_reviewed_at``, ``review_due`` and ``change_pending_since`` are derived and belong to the live page row
    only: restoring a revision, copying or moving the page never rewinds them. Every save that writes the rule
    also refreshes the page's row in ``PageReviewState``, which the report, the panel and the reminders read.
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

    ownership_panels = ownership_panels()
    api_fields = ownership_api_fields()
    exclude_fields_in_copy = list(DERIVED_FIELDS)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        writes_rule = update_fields is None or bool(RULE_FIELDS.intersection(update_fields))
        if writes_rule:
            self.review_due = compute_due_for(self)
            if update_fields is not None:
                kwargs["update_fields"] = list({*update_fields, "review_due"})
        result = super().save(*args, **kwargs)
        if writes_rule:
            PageReviewState.sync(self)
        return result

    def clean(self):
        super().clean()
        errors = {}
        rule = self.review_rule
        if rule in (ReviewRule.CONTINUOUS, ReviewRule.ON_CHANGE) and not self.review_interval_days:
            errors["review_interval_days"] = _("This rule needs the number of days.")
        if rule == ReviewRule.FIXED_DATE and not self.review_fixed_date:
            errors["review_fixed_date"] = _("This rule needs a date.")
        if errors:
            raise ValidationError(errors)

    @property
    def information_current_as_of(self):
        """«Информация актуальна на»: the day of the last review, else of the last publication (Asia/Barnaul)."""
        return local_date(self.last_reviewed_at or getattr(self, "last_published_at", None))

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in DERIVED_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj


class PageReviewState(models.Model):
    """One row per owned page, mirroring the live row's ownership fields.

    Pages of every type that uses the mixin meet here, so the report, the dashboard panel and the reminders are
    each one query with joins, whatever the number of page types (docs/ownership.md).
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="review_state",
    )
    owner_unit = models.ForeignKey(
        "snippets.ResponsibleUnit",
        verbose_name=_("owner unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
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
    review_rule = models.CharField(_("review rule"), max_length=20, choices=ReviewRule.choices)
    review_interval_days = models.PositiveIntegerField(_("N days"), null=True, blank=True)
    review_interval_months = models.PositiveIntegerField(_("N months"), null=True, blank=True)
    review_fixed_date = models.DateField(_("fixed date"), null=True, blank=True)
    review_cadence_text = models.CharField(_("deadline as worded in the roadmap"), max_length=255, blank=True)
    last_reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    review_due = models.DateField(_("review due"), null=True, blank=True)

    MIRRORED_FIELDS = (
        "owner_unit_id",
        "official_id",
        "review_rule",
        "review_interval_days",
        "review_interval_months",
        "review_fixed_date",
        "review_cadence_text",
        "last_reviewed_at",
        "review_due",
    )

    class Meta:
        verbose_name = _("page review state")
        verbose_name_plural = _("page review states")
        indexes = [
            models.Index(fields=["review_due"], name="ownership_state_due_idx"),
            models.Index(fields=["owner_unit", "review_due"], name="ownership_state_unit_due_idx"),
            models.Index(fields=["official", "review_due"], name="ownership_state_official_idx"),
        ]

    def __str__(self):
        return f"{self.page_id}: {self.review_rule} {self.review_due or '-'}"

    @property
    def has_owner(self) -> bool:
        return self.owner_unit_id is not None or self.official_id is not None

    # Read by the report's columns and its CSV/XLSX export.
    @property
    def rule_summary(self) -> str:
        return rule_summary(self)

    @property
    def status_label(self) -> str:
        return str(ReviewStatus.labels.get(getattr(self, "status", ""), ""))

    @property
    def page_type(self) -> str:
        return page_type_label(self.page)

    @property
    def official_name(self) -> str:
        official = self.official
        return (official.get_full_name() or official.get_username()) if official else ""

    @property
    def last_reviewed_on(self):
        return local_date(self.last_reviewed_at)

    @property
    def due_display(self) -> str:
        return formats.date_format(self.review_due, "SHORT_DATE_FORMAT") if self.review_due else "—"

    @property
    def unit_name(self) -> str:
        return str(self.owner_unit) if self.owner_unit_id else ""

    @classmethod
    def values_for(cls, page) -> dict:
        return {name: getattr(page, name) for name in cls.MIRRORED_FIELDS}

    @classmethod
    def sync(cls, page) -> None:
        """Mirror ``page``'s ownership fields (as on its live row) into its state row."""
        if page.pk is None:
            return
        cls.objects.update_or_create(page_id=page.pk, defaults=cls.values_for(page))


class ReviewDigestLog(models.Model):
    """A review digest sent to a person on a day: a second run on that day sends nothing."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="+"
    )
    date = models.DateField(_("date"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    page_count = models.PositiveIntegerField(_("pages listed"), default=0)

    class Meta:
        verbose_name = _("review digest sent")
        verbose_name_plural = _("review digests sent")
        constraints = [models.UniqueConstraint(fields=["recipient", "date"], name="ownership_one_digest_per_day")]

    def __str__(self):
        return f"{self.recipient_id} {self.date}"
