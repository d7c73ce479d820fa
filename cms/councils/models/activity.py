"""What a council does besides its composition: formation notices, publications, draft acts submitted to it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from .registry import TEXT_FEATURES, CouncilEntry, _document_fk


class FormationNotice(CouncilEntry, ClusterableModel):
    """An announcement of the procedure forming a new composition; due on the site by its start (roadmap 5.3)."""

    title = models.CharField(_("title"), max_length=255)
    procedure_start = models.DateField(_("applications accepted from"))
    procedure_end = models.DateField(_("applications accepted until"))
    eligibility = RichTextField(_("who may apply"), features=TEXT_FEATURES)
    how_to_apply = RichTextField(_("how to apply"), features=TEXT_FEATURES)

    panels = [
        FieldPanel("council"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("procedure_start"), FieldPanel("procedure_end")]),
        FieldPanel("eligibility"),
        FieldPanel("how_to_apply"),
        InlinePanel("documents", label=_("documents")),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("eligibility")]

    class Meta:
        verbose_name = _("formation notice")
        verbose_name_plural = _("formation notices")
        ordering = ["-procedure_start"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.procedure_start and self.procedure_end and self.procedure_end < self.procedure_start:
            raise ValidationError({"procedure_end": _("The procedure must not end before it starts.")})


class FormationNoticeDocument(Orderable):
    notice = ParentalKey(FormationNotice, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]


class PublicationKind(models.TextChoices):
    REPORT = "report", _("report on the council's work")
    NEWS = "news", _("news")
    OTHER = "other", _("other publication")


class Publication(CouncilEntry):
    """A publication about the council's activity: its yearly report, news, an article."""

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=PublicationKind.choices, default=PublicationKind.NEWS)
    published_on = models.DateField(_("publication date"))
    summary = models.TextField(_("summary"), blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page on this site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("external address"), blank=True)
    document = _document_fk(_("document"))

    panels = [
        FieldPanel("council"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("published_on")]),
        FieldPanel("summary"),
        FieldPanel("page"),
        FieldPanel("url"),
        FieldPanel("document"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("summary")]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not (self.page_id or self.url or self.document_id):
            raise ValidationError(_("Choose a page, a document or enter an address where the publication is."))


class DraftAct(CouncilEntry):
    """A draft act submitted to the council for its opinion."""

    title = models.CharField(_("title"), max_length=500)
    submitted_on = models.DateField(_("submitted on"))
    opinion_due = models.DateField(_("opinion due by"), null=True, blank=True)
    document = _document_fk(_("draft text"))
    opinion = RichTextField(_("council's opinion"), blank=True, features=TEXT_FEATURES)
    opinion_document = _document_fk(_("opinion document"))

    panels = [
        FieldPanel("council"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("submitted_on"), FieldPanel("opinion_due")]),
        FieldPanel("document"),
        FieldPanel("opinion"),
        FieldPanel("opinion_document"),
    ]
    search_fields = [index.SearchField("title")]

    class Meta:
        verbose_name = _("draft act")
        verbose_name_plural = _("draft acts")
        ordering = ["-submitted_on", "-pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.submitted_on and self.opinion_due and self.opinion_due < self.submitted_on:
            raise ValidationError({"opinion_due": _("The opinion cannot be due before the draft was submitted.")})

    @property
    def has_opinion(self) -> bool:
        return bool(self.opinion or self.opinion_document_id)
