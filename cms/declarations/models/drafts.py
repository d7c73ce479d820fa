"""Draft decisions under public discussion (roadmap 3.1, 4.1–4.3) and the annual list of socially significant ones."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.declarations.forms.admin import DraftActPageForm
from cms.declarations.models.declarations import INTRO_FEATURES
from cms.declarations.models.serving import TakesProposalsMixin
from cms.declarations.stages import Stage, StageEntry, current_stage, ordered, timeline
from cms.declarations.window import Window
from cms.pages.models.base import ContentPage
from transparency_blocks.blocks import TransparencyStreamBlock


class DraftActIndexPage(RoutablePageMixin, ContentPage):
    """«Проекты правовых актов и общественное обсуждение»: drafts by stage, and the yearly list of significant ones."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = ContentPage.content_panels + [FieldPanel("intro")]
    search_fields = ContentPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["pages.HomePage", "pages.RubricPage"]
    subpage_types = ["declarations.DraftActPage"]

    class Meta:
        verbose_name = _("draft acts index")
        verbose_name_plural = _("draft acts indexes")

    def drafts(self):
        return (
            DraftActPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("stages")
            .order_by("-first_published_at", "-pk")
        )

    @path("")
    def index_route(self, request):
        from cms.declarations.views.drafts import draft_index

        return draft_index(self, request)

    @path("perechen/", name="significant_latest")
    @path("perechen/<int:year>/", name="significant")
    def significant_route(self, request, year=None):
        from cms.declarations.views.drafts import significant_list

        return significant_list(self, request, year)


class DraftActPage(TakesProposalsMixin, ContentPage):
    """One draft decision: its plain-language summary, text and materials, stages, discussion and the adopted act."""

    plain_summary = models.TextField(
        _("summary in plain language"),
        blank=True,
        help_text=_(
            "What the draft changes for residents, in everyday words (required for socially significant drafts)."
        ),
    )
    socially_significant = models.BooleanField(
        _("socially significant"),
        default=False,
        help_text=_("Included in the annual list of drafts that need public discussion."),
    )
    list_year = models.PositiveSmallIntegerField(
        _("year of the list"), null=True, blank=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    body = StreamField(TransparencyStreamBlock(), verbose_name=_("draft and materials"), blank=True)
    discussion_start = models.DateField(_("discussion opens"), null=True, blank=True)
    discussion_end = models.DateField(_("discussion closes"), null=True, blank=True)
    adopted_act_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("adopted act (page of this site)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adopted_act_url = models.URLField(_("adopted act (address)"), blank=True)
    adopted_act_title = models.CharField(_("adopted act (name and number)"), max_length=500, blank=True)

    base_form_class = DraftActPageForm
    content_panels = ContentPage.content_panels + [
        FieldPanel("plain_summary"),
        FieldRowPanel([FieldPanel("socially_significant"), FieldPanel("list_year")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("discussion_start"), FieldPanel("discussion_end")])],
            heading=_("Public discussion"),
            help_text=_("Citizens can send proposals on these days inclusive (local time)."),
        ),
        InlinePanel("stages", heading=_("Stages"), label=_("Stage"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("adopted_act_title"), PageChooserPanel("adopted_act_page"), FieldPanel("adopted_act_url")],
            heading=_("Adopted act"),
        ),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("plain_summary"),
        index.SearchField("body"),
        index.FilterField("socially_significant"),
        index.FilterField("list_year"),
    ]
    parent_page_types = ["declarations.DraftActIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("draft act")
        verbose_name_plural = _("draft acts")

    @property
    def discussion_window(self) -> Window:
        return Window(self.discussion_start, self.discussion_end)

    def stage_entries(self) -> list[StageEntry]:
        # .all() so a prefetch (the index) is used.
        return ordered([StageEntry(s.stage, s.day) for s in self.stages.all()])

    @property
    def current_stage(self) -> str | None:
        return current_stage(self.stage_entries())

    @property
    def current_stage_label(self) -> str:
        stage = self.current_stage
        return Stage(stage).label if stage else ""

    def timeline(self) -> list[dict]:
        return timeline(self.stage_entries())

    @property
    def adopted_act_href(self) -> str:
        if self.adopted_act_page_id and self.adopted_act_page and self.adopted_act_page.live:
            return self.adopted_act_page.url or ""
        return self.adopted_act_url

    def clean(self):
        super().clean()
        errors = {}
        if (self.discussion_start is None) != (self.discussion_end is None):
            errors["discussion_end"] = _("Give both the first and the last day of the discussion, or neither.")
        elif self.discussion_start and self.discussion_end < self.discussion_start:
            errors["discussion_end"] = _("The discussion cannot close before it opens.")
        if self.socially_significant:
            if not self.plain_summary.strip():
                errors["plain_summary"] = _("A socially significant draft needs a summary in plain language.")
            if not self.list_year:
                errors["list_year"] = _("Say in which year's list the draft is included.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from cms.declarations.views.drafts import draft_context

        context = super().get_context(request, *args, **kwargs)
        context.update(draft_context(self, request))
        return context


class DraftStage(Orderable):
    """A stage the draft reached, and the day it was reached."""

    page = ParentalKey(DraftActPage, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    day = models.DateField(_("date"), default=timezone.localdate)
    note = models.CharField(_("note"), max_length=500, blank=True)

    panels = [FieldRowPanel([FieldPanel("stage"), FieldPanel("day")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
