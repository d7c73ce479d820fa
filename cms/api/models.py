"""The newspaper feed's change stream and the webhook deliveries.

Each material that ever entered the feed has one ``FeedEntry``. Every change to it (published, edited,
unpublished, deleted, moved, unflagged, restricted) gives the entry a new ``sequence`` taken from one counter row
locked for the rest of the transaction, so sequences become visible in the order they were taken: a client that
reads ``sequence > cursor`` in order never skips a change that commits later (docs/api.md, "Guarantee").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class FeedMaterialMixin(models.Model):
    """Mixed into a page type whose pages editors may send to the newspaper («для газеты»).

    The feed reads these hooks; a page type overrides the ones it has richer data for.
    """

    for_newspaper = models.BooleanField(
        _("for the newspaper"),
        default=False,
        help_text=_("Send this material to the newspaper «Сибирский вестник» through the feed."),
    )

    class Meta:
        abstract = True

    def feed_published_at(self):
        return self.first_published_at or self.last_published_at

    def feed_lead(self) -> str:
        return self.search_description

    def feed_body_html(self) -> str:
        """Database HTML of the body (links and embeds are expanded and made absolute by the feed)."""
        return ""

    def feed_images(self) -> list:
        """``[(image, alt text), ...]``: the material's images, the main one first."""
        return []

    def feed_tags(self) -> list[str]:
        return []

    def feed_extra(self) -> dict:
        """Type-specific fields added to the item (e.g. a news item's press-release flag)."""
        return {}


class FeedSequence(models.Model):
    """The single counter row that orders the feed's changes; locked by each writer until it commits."""

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("feed sequence")
        verbose_name_plural = _("feed sequences")

    def __str__(self):
        return str(self.value)


class FeedEntry(models.Model):
    """One material of the newspaper feed, live or withdrawn (a tombstone), at its latest change."""

    class State(models.TextChoices):
        LIVE = "live", pgettext_lazy("feed entry state", "live")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Reason(models.TextChoices):
        UNPUBLISHED = "unpublished", _("unpublished")
        DELETED = "deleted", _("deleted")
        MOVED = "moved", _("moved out of the public site")
        UNFLAGGED = "unflagged", _("no longer for the newspaper")
        RESTRICTED = "restricted", _("access restricted")

    # The page's id, kept (not a foreign key) so a deleted page's tombstone outlives it.
    page_id = models.BigIntegerField(_("page id"), unique=True)
    sequence = models.BigIntegerField(_("sequence"), unique=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices, blank=True)
    changed_at = models.DateTimeField(_("changed at"), db_index=True)
    payload = models.JSONField(_("payload"), default=dict)

    class Meta:
        verbose_name = _("feed entry")
        verbose_name_plural = _("feed entries")

    def __str__(self):
        return f"{self.page_id} v{self.version} ({self.state})"


class WebhookDelivery(models.Model):
    """One notice to the configured webhook about one change of the feed, with its delivery status."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    url = models.URLField(pgettext_lazy("web address", "URL"), max_length=500)
    page_id = models.BigIntegerField(_("page id"))
    sequence = models.BigIntegerField(_("sequence"))
    event = models.CharField(_("event"), max_length=12)
    body = models.TextField(pgettext_lazy("HTTP request", "body"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveIntegerField(_("last HTTP status"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.event} {self.page_id}#{self.sequence}: {self.status}"


class ContentVersion(models.Model):
    """The single row whose ``value`` is bumped when a transaction that wrote the site's data commits.

    The registry endpoints answer a conditional request from it alone (cms/api/versions.py); it is internal and
    never shown to editors.
    """

    value = models.BigIntegerField(default=0)

    def __str__(self):
        return str(self.value)
