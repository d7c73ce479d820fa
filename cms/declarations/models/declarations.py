"""The yearly public declaration of goals and tasks (roadmap 7.1) with its reports (7.3) and discussion (7.2)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.declarations.blocks import GoalBlock, PlannedResultBlock
from cms.declarations.models.indicators import Period
from cms.declarations.models.serving import TakesProposalsMixin
from cms.declarations.window import Window
from cms.pages.models.base import ContentPage

INTRO_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class DeclarationIndexPage(ContentPage):
    """«Цели, направления работы и индикаторы»: the declarations by year, newest first."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = ContentPage.content_panels + [FieldPanel("intro")]
    search_fields = ContentPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["pages.HomePage", "pages.RubricPage"]
    subpage_types = ["declarations.DeclarationPage"]

    class Meta:
        verbose_name = _("declarations index")
        verbose_name_plural = _("declarations indexes")

    def declarations(self):
        return DeclarationPage.objects.child_of(self).live().public().order_by("-year")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["declarations"] = self.declarations()
        return context


class DeclarationPage(TakesProposalsMixin, ContentPage):
    """One year's declaration: goals, directions, indicators, planned results; reports record actual values."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)], db_index=True
    )
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    goals = StreamField([("goal", GoalBlock())], verbose_name=_("goals and directions of work"), blank=True)
    planned_results = StreamField([("result", PlannedResultBlock())], verbose_name=_("planned results"), blank=True)
    discussion_start = models.DateField(_("discussion opens"), null=True, blank=True)
    discussion_end = models.DateField(_("discussion closes"), null=True, blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("year"),
        FieldPanel("intro"),
        FieldPanel("goals"),
        FieldPanel("planned_results"),
        InlinePanel("reports", heading=pgettext_lazy("declaration", "Reports"), label=_("Report")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("discussion_start"), FieldPanel("discussion_end")])],
            heading=_("Public discussion of the plan and its results"),
            help_text=_("Citizens can send proposals on these days inclusive (local time)."),
        ),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("goals"),
        index.SearchField("planned_results"),
        index.FilterField("year"),
    ]
    parent_page_types = ["declarations.DeclarationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("declaration of goals")
        verbose_name_plural = _("declarations of goals")

    @property
    def discussion_window(self) -> Window:
        return Window(self.discussion_start, self.discussion_end)

    def clean(self):
        super().clean()
        errors = {}
        if (self.discussion_start is None) != (self.discussion_end is None):
            errors["discussion_end"] = _("Give both the first and the last day of the discussion, or neither.")
        elif self.discussion_start and self.discussion_end < self.discussion_start:
            errors["discussion_end"] = _("The discussion cannot close before it opens.")
        parent = self.get_parent() if self.pk else None
        if parent is not None and self.year:
            clash = DeclarationPage.objects.child_of(parent).filter(year=self.year).exclude(pk=self.pk)
            if clash.exists():
                errors["year"] = _("There is already a declaration for this year.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from cms.declarations.views.declaration import declaration_context

        context = super().get_context(request, *args, **kwargs)
        context.update(declaration_context(self, request))
        return context


class DeclarationReport(Orderable):
    """A report on the declaration for a period (7.3): when it was published, what it says, its document."""

    page = ParentalKey(DeclarationPage, on_delete=models.CASCADE, related_name="reports")
    period = models.CharField(_("period"), max_length=10, choices=Period.choices)
    published_on = models.DateField(_("published on"))
    summary = models.TextField(_("summary"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("period"), FieldPanel("published_on")]),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("report")
        verbose_name_plural = _("reports")
