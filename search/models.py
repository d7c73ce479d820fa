"""Search's own tables: the searchable text of documents, and the daily count of searches that found nothing."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.contrib.search_promotions.models import Query


class DocumentText(index.Indexed, models.Model):
    """One row per document (kept by signal_handlers): what the citizen search finds documents by.

    Wagtail's document model indexes titles only; a row of our own carries the text without swapping the
    project's document model. The collection is copied so private collections are excluded in the index query.
    """

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="search_text", verbose_name=_("document")
    )
    title = models.CharField(_("title"), max_length=255)
    collection = models.ForeignKey("wagtailcore.Collection", on_delete=models.CASCADE, verbose_name=_("collection"))
    created_at = models.DateTimeField(_("uploaded at"))
    text = models.TextField(_("text"), blank=True)

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("text"),
        index.AutocompleteField("title"),
        index.FilterField("collection"),
        index.FilterField("created_at"),
        index.FilterField("document"),
    ]

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return self.title


class ZeroResultDailyHits(models.Model):
    """How often a logged query (search_promotions' Query) found nothing on a day: the zero-result report."""

    query = models.ForeignKey(Query, on_delete=models.CASCADE, related_name="zero_result_daily_hits")
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        unique_together = [("query", "date")]
        verbose_name = _("zero-result searches per day")
        verbose_name_plural = _("zero-result searches per day")

    def __str__(self):
        return f"{self.query} {self.date}: {self.hits}"
