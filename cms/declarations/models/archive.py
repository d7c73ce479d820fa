"""The archive of plans and reports (roadmap 7.3): work plans, annual reports and programme reports by year."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from cms.declarations.models.declarations import INTRO_FEATURES
from cms.pages.models.base import ContentPage


class DocumentKind(models.TextChoices):
    WORK_PLAN = "work_plan", _("Annual work plan")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    PROGRAMME_REPORT = "programme_report", _("Report on a programme")
    QUARTER_REPORT = "quarter_report", _("Quarterly report")


class PlansArchivePage(ContentPage):
    """«Планы и отчёты о работе»: every plan and report, filterable by year and kind."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = ContentPage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("archive_documents", heading=_("Plans and reports"), label=_("Document")),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields("archive_documents", [index.SearchField("title")]),
    ]
    parent_page_types = ["pages.HomePage", "pages.RubricPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("plans and reports archive")
        verbose_name_plural = _("plans and reports archives")

    def get_context(self, request, *args, **kwargs):
        from cms.declarations.views.archive import archive_context

        context = super().get_context(request, *args, **kwargs)
        context.update(archive_context(self, request))
        return context


class ArchiveDocument(Orderable):
    page = ParentalKey(PlansArchivePage, on_delete=models.CASCADE, related_name="archive_documents")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=500)
    approved_on = models.DateField(_("approved or published on"), null=True, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("kind"), FieldPanel("approved_on")]),
        FieldPanel("title"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("plan or report")
        verbose_name_plural = _("plans and reports")
