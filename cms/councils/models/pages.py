"""Page types of the «Общественные советы» rubric: the index, one page per council and the subsection pages.

The subsection pages («Составы», «Положения», ...) have no content of their own beyond an introduction: they list
the registries' rows across all councils, so an editor enters a member, plan or meeting once.
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.pages.models.base import ContentPage

from .. import queries
from ..forms import CompositionDateForm

INTRO_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
PAST_MEETINGS_PER_PAGE = 20


class CouncilPageBase(ContentPage):
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = ContentPage.content_panels + [FieldPanel("intro")]
    search_fields = ContentPage.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True


class CouncilIndexPage(CouncilPageBase):
    """«Общественные советы»: the councils by sector and the subsections that list their registries."""

    parent_page_types = ["pages.HomePage", "pages.RubricPage"]
    subpage_types = [
        "councils.CouncilPage",
        "councils.CouncilCompositionsPage",
        "councils.CouncilStatutesPage",
        "councils.CouncilFormationPage",
        "councils.CouncilPlansPage",
        "councils.CouncilMeetingsPage",
        "councils.CouncilDraftActsPage",
    ]

    class Meta:
        verbose_name = _("councils index")
        verbose_name_plural = _("councils indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().specific()
        context["councils"] = [child for child in children if isinstance(child, CouncilPage)]
        context["sections"] = [child for child in children if not isinstance(child, CouncilPage)]
        return context


class CouncilPage(CouncilPageBase):
    """One public council: its statute, members (on any date), plans, meetings, notices, publications, drafts."""

    sector = models.CharField(
        _("sector"), max_length=255, blank=True, help_text=_("The area of the council's work, e.g. «Образование».")
    )

    content_panels = CouncilPageBase.content_panels[:1] + [FieldPanel("sector")] + CouncilPageBase.content_panels[1:]
    search_fields = CouncilPageBase.search_fields + [index.SearchField("sector")]

    parent_page_types = ["councils.CouncilIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("public council")
        verbose_name_plural = _("public councils")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, day = CompositionDateForm.from_request(request)
        now = timezone.now()
        context.update(
            date_form=form,
            composition_date=day,
            members=queries.members_on(day, council=self),
            change_dates=queries.composition_change_dates(self),
            statutes=list(queries.statutes(council=self)),
            plans=queries.plans(council=self),
            upcoming_meetings=queries.upcoming_meetings(now, council=self),
            past_meetings=queries.past_meetings(now, council=self)[:10],
            notices=queries.notices(council=self),
            publications=queries.publications(council=self),
            draft_acts=queries.draft_acts(council=self),
            calendar_page=CouncilMeetingsPage.objects.live().public().first(),
        )
        return context


class CouncilSectionPage(CouncilPageBase):
    """A subsection of the rubric listing one registry across all councils."""

    parent_page_types = ["councils.CouncilIndexPage", "pages.RubricPage"]
    subpage_types = []

    class Meta:
        abstract = True


class CouncilCompositionsPage(CouncilSectionPage):
    """«Составы»: every council's composition on a chosen date (today by default)."""

    class Meta:
        verbose_name = _("council compositions page")
        verbose_name_plural = _("council compositions pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, day = CompositionDateForm.from_request(request)
        context.update(date_form=form, composition_date=day, members=queries.members_on(day))
        return context


class CouncilStatutesPage(CouncilSectionPage):
    """«Положения»: the statute in force of each council, with earlier editions."""

    class Meta:
        verbose_name = _("council statutes page")
        verbose_name_plural = _("council statutes pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["statutes"] = queries.statutes()
        return context


class CouncilFormationPage(CouncilSectionPage):
    """«Формирование новых составов»: formation notices, current ones first."""

    class Meta:
        verbose_name = _("council formation page")
        verbose_name_plural = _("council formation pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["notices"] = queries.notices()
        context["today"] = timezone.localdate()
        return context


class CouncilPlansPage(CouncilSectionPage):
    """«Планы работы»: approved work plans by year."""

    class Meta:
        verbose_name = _("council work plans page")
        verbose_name_plural = _("council work plans pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plans"] = queries.plans()
        return context


class CouncilMeetingsPage(CouncilSectionPage):
    """«Заседания и отчёты»: the meetings calendar of all councils (upcoming, then past) and the councils' reports."""

    class Meta:
        verbose_name = _("council meetings calendar")
        verbose_name_plural = _("council meetings calendars")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        paginator = Paginator(queries.past_meetings(now), PAST_MEETINGS_PER_PAGE)
        context.update(
            upcoming_meetings=queries.upcoming_meetings(now),
            past_meetings=paginator.get_page(request.GET.get("page")),
            reports=queries.publications(kind="report")[:20],
        )
        return context


class CouncilDraftActsPage(CouncilSectionPage):
    """«Проекты актов»: drafts submitted to the councils and their opinions."""

    class Meta:
        verbose_name = _("council draft acts page")
        verbose_name_plural = _("council draft acts pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["draft_acts"] = queries.draft_acts()
        return context
