"""Ownership: one record per owned object, in the spirit of Wagtail's ``PageViewRestriction``.

A page (any type using ``OwnedPageMixin``) or a registry entry (a model using ``OwnedModelMixin``) has at most one
``Ownership`` row: owner unit, named official, review rule, last review, due date and the change clock a registry
starts. The row is written only by ``cms.ownership.writer``; it is not part of any revision, so copying, reverting
or publishing an old revision cannot roll a review back. Other apps read and write it through ``cms.ownership.api``.
"""

from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from cms.ownership.api_fields import ownership_api_fields
from cms.ownership.display import page_type_label, rule_summary
from cms.ownership.forms import OwnedPageForm
from cms.ownership.panels import ownership_panels
from cms.ownership.rules import ReviewRule, ReviewStatus, rule_errors
from cms.ownership.schedule import local_date

__all__ = ["OwnedModelMixin", "OwnedPageMixin", "Ownership", "ReviewDigestLog", "ReviewRule"]


class Ownership(models.Model):
    """Who answers for one page or registry entry, and by when it must next be reviewed."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    # Set for pages, so the report, the panel and the reminders join page data in the same query.
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ownership",
    )
    owner_unit = models.ForeignKey(
        "snippets.ResponsibleUnit",
        verbose_name=_("owner unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ownerships",
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
    review_interval_days = models.PositiveIntegerField(_("interval, days"), null=True, blank=True)
    review_interval_months = models.PositiveIntegerField(_("interval, months"), null=True, blank=True)
    review_fixed_date = models.DateField(_("fixed date"), null=True, blank=True)
    review_cadence_text = models.CharField(_("deadline as worded in the roadmap"), max_length=255, blank=True)
    last_reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    review_due = models.DateField(_("review due"), null=True, blank=True)
    # The change clock: a registry the object shows changed (or an approval date passed) and a review is due by
    # ``change_due``; the next review stops it.
    change_pending_since = models.DateTimeField(_("changed since"), null=True, blank=True)
    change_due = models.DateField(_("due after the change"), null=True, blank=True)
    change_reason = models.CharField(_("reason of the deadline"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("ownership")
        verbose_name_plural = _("ownerships")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="ownership_one_record_per_object")
        ]
        indexes = [
            models.Index(fields=["review_due"], name="ownership_due_idx"),
            models.Index(fields=["owner_unit", "review_due"], name="ownership_unit_due_idx"),
            models.Index(fields=["official", "review_due"], name="ownership_official_due_idx"),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.review_rule} {self.review_due or '-'}"

    @property
    def has_owner(self) -> bool:
        return self.owner_unit_id is not None or self.official_id is not None

    @property
    def owned_object(self):
        """The page (generic ``Page``) or the registry entry this record belongs to."""
        if self.page_id is not None:
            return self.page
        return getattr(self, "_prefetched_object", None) or self.content_type.get_object_for_this_type(
            pk=self.object_id
        )

    # Read by the report's columns, its CSV/XLSX export, the panel and the digest.
    @property
    def title(self) -> str:
        obj = self.owned_object
        return obj.get_admin_display_title() if self.page_id is not None else str(obj)

    @property
    def admin_edit_url(self) -> str:
        if self.page_id is not None:
            return reverse("wagtailadmin_pages:edit", args=[self.page_id])
        return AdminURLFinder().get_edit_url(self.owned_object) or ""

    @property
    def rule_summary(self) -> str:
        return rule_summary(self)

    @property
    def status_label(self) -> str:
        return str(ReviewStatus.labels.get(getattr(self, "status", ""), ""))

    @property
    def object_type(self) -> str:
        if self.page_id is not None:
            return page_type_label(self.page)
        model = self.content_type.model_class()
        return str(model._meta.verbose_name) if model is not None else ""

    page_type = object_type  # the report's column name, kept for spreadsheets people already use

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

    @property
    def pending_reason(self) -> str:
        """Why a registry-started deadline is running (shown in the report), or ''."""
        return self.change_reason if self.change_due is not None else ""


def _record_property(name: str, settable: bool = True) -> property:
    def get(self):
        return self._record_value(name)

    def set(self, value):
        self._set_record_value(name, value)

    return property(get, set if settable else None, doc=f"``{name}`` of the object's Ownership record.")


class _OwnedAccessors:
    """Read-only views of the object's ``Ownership`` row, shared by the page and the registry mixins."""

    def _ownership_lookup(self) -> dict:
        raise NotImplementedError

    @cached_property
    def ownership_record(self) -> Ownership | None:
        if self.pk is None:
            return None
        lookup = self._ownership_lookup()
        return Ownership.objects.select_related("owner_unit", "official").filter(**lookup).first()

    def _record_value(self, name):
        pending = getattr(self, "_pending_ownership", None)
        if pending and name in pending:
            return pending[name]
        record = self.ownership_record
        return getattr(record, name) if record is not None else None

    def _set_record_value(self, name, value):
        # Kept until the object is saved, then written by cms.ownership.writer (never onto the object's table).
        if getattr(self, "_pending_ownership", None) is None:
            self._pending_ownership = {}
        self._pending_ownership[name] = value

    owner_unit = _record_property("owner_unit")
    owner_unit_id = _record_property("owner_unit_id")
    official = _record_property("official")
    official_id = _record_property("official_id")
    review_interval_days = _record_property("review_interval_days")
    review_interval_months = _record_property("review_interval_months")
    review_fixed_date = _record_property("review_fixed_date")
    review_cadence_text = _record_property("review_cadence_text")
    # Derived: written only by publishing, «mark reviewed» and registry changes (cms.ownership.api).
    review_due = _record_property("review_due", settable=False)
    last_reviewed_at = _record_property("last_reviewed_at", settable=False)
    change_pending_since = _record_property("change_pending_since", settable=False)

    @property
    def review_rule(self) -> str:
        return self._record_value("review_rule") or ReviewRule.AS_NEEDED

    @review_rule.setter
    def review_rule(self, value):
        self._set_record_value("review_rule", value)

    @property
    def information_current_as_of(self):
        """«Информация актуальна на»: the day of the last review, else of the last publication (Asia/Barnaul)."""
        return local_date(self.last_reviewed_at or getattr(self, "last_published_at", None))

    def refresh_ownership(self) -> None:
        """Forget the loaded record (after a write through ``cms.ownership.api``)."""
        self.__dict__.pop("ownership_record", None)

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._pending_ownership = None
        self.refresh_ownership()

    def clean(self):
        super().clean()
        # Only values set on the object need checking: the stored record was checked when it was written (and
        # reading it here would cost a query on every save).
        if getattr(self, "_pending_ownership", None):
            errors = rule_errors(self.review_rule, self.review_interval_days, self.review_fixed_date)
            if errors:
                raise ValidationError(errors)

    def save(self, *args, **kwargs):
        creating = self._state.adding
        result = super().save(*args, **kwargs)
        changes = getattr(self, "_pending_ownership", None)
        if changes or creating:
            # Every owned object has its record from the start, so the report lists it (as «no owner» if need be).
            # Ownership set on the object (the editor's form, a copy, code) is written once the object has a pk;
            # fields not given keep the record's values.
            from cms.ownership.writer import update

            self._pending_ownership = None
            update(self, changes or {})
        return result


class OwnedPageMixin(_OwnedAccessors, models.Model):
    """A page type with an owner and a review rule. No columns: the facts live in its ``Ownership`` row.

    The editor's «Ответственность и сроки» tab is built from form fields (``OwnedPageForm``) that read and write
    that row when the page is saved, so it is never part of a revision.
    """

    ownership_panels = ownership_panels()
    api_fields = ownership_api_fields()
    base_form_class = OwnedPageForm

    class Meta:
        abstract = True

    def _ownership_lookup(self) -> dict:
        return {"page_id": self.pk}

    def copy_all_child_relations(self, target, exclude=None):
        # Wagtail's page copy calls this for every copied page (children included): the copy gets the owner and
        # rule, never the review history, when it is saved.
        from cms.ownership.writer import assigned_values

        target._pending_ownership = assigned_values(self)
        return super().copy_all_child_relations(target, exclude=exclude)


class OwnedModelMixin(_OwnedAccessors, models.Model):
    """A registry entry that carries its own owner and review deadline (e.g. an FAQ answer).

    Add ``*ownership_panels()`` to the model's panels and set ``base_form_class = OwnedModelForm``
    (``cms.ownership.forms``); its entries then show in the review report, the panel and the digests.
    """

    # Deleting the entry deletes its record.
    ownership_records = GenericRelation(Ownership, content_type_field="content_type", object_id_field="object_id")

    class Meta:
        abstract = True

    def _ownership_lookup(self) -> dict:
        return {"content_type": ContentType.objects.get_for_model(self), "object_id": self.pk}


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
