"""The abstract submission every area's citizen form stores, its attachment mixin and the number sequences."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .numbering import next_number
from .storage import private_storage
from .validators import validate_attachment


class SubmissionStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("submission status", "New")
    IN_PROGRESS = "in_progress", pgettext_lazy("submission status", "In progress")
    ANSWERED = "answered", _("Answered")
    FORWARDED = "forwarded", _("Forwarded to the competent body")
    CLOSED = "closed", _("Closed without answer")


class Submission(models.Model):
    """What a citizen sent: a registration number and date shown to the sender, status and responsible person.

    Concrete types set ``registration_prefix`` (e.g. «АК») and ``inbox_group_name`` (the only group that reads
    them) and add their own fields. Submissions are never indexed for search and have no public URL.
    """

    registration_prefix = "ОБ"
    inbox_group_name = ""

    registration_number = models.CharField(_("registration number"), max_length=32, unique=True, editable=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now, editable=False, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.NEW, db_index=True
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Seen only in the inbox, never by the sender or the public.")
    )

    class Meta:
        abstract = True
        ordering = ["-received_at"]

    def __str__(self):
        return self.registration_number or str(_("unregistered submission"))

    def save(self, *args, **kwargs):
        if not self.registration_number:
            self.registration_number = next_number(self.registration_prefix, self.received_at)
        super().save(*args, **kwargs)

    @property
    def received_local(self):
        return timezone.localtime(self.received_at)

    def inbox_url_name(self, action: str) -> str:
        # wagtail-modeladmin's URL names; the inbox module registers the model (see cms/submissions/admin.py).
        return f"{self._meta.app_label}_{self._meta.model_name}_modeladmin_{action}"

    def admin_url(self) -> str:
        """Absolute link to this submission in its inbox (for the notification e-mail)."""
        path = reverse(self.inbox_url_name("inspect"), args=[self.pk])
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def attachment_upload_to(instance, filename: str) -> str:
    # A random stored name: the sender's file name (kept in attachment_name) never becomes part of a path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    folder = f"{instance._meta.app_label}/{instance._meta.model_name}/{timezone.now():%Y/%m}"
    return f"{folder}/{secrets.token_hex(16)}.{extension}"


class SubmissionAttachmentMixin(models.Model):
    """An optional private attachment of a submission: stored outside MEDIA_ROOT, served only to the inbox."""

    attachment = models.FileField(
        _("attachment"),
        storage=private_storage,
        upload_to=attachment_upload_to,
        blank=True,
        max_length=255,
        validators=[validate_attachment],
    )
    attachment_name = models.CharField(_("attachment file name"), max_length=255, blank=True, editable=False)

    class Meta:
        abstract = True

    def attachment_admin_url(self) -> str:
        return reverse(
            "submissions_attachment",
            kwargs={"app_label": self._meta.app_label, "model_name": self._meta.model_name, "pk": self.pk},
        )

    def get_attachment_display(self):
        # Used by the modeladmin inspect view instead of the storage's (refused) public URL.
        if not self.attachment:
            return _("none")
        return format_html('<a href="{}">{}</a>', self.attachment_admin_url(), self.attachment_name or _("download"))


class RegistrationSequence(models.Model):
    """The last number issued per prefix and year (see numbering.py)."""

    prefix = models.CharField(max_length=16)
    year = models.PositiveIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="submissions_sequence_unique")]
        verbose_name = _("registration number sequence")
        verbose_name_plural = _("registration number sequences")

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_value}"
