"""«Обсуждение планов и результатов работы» (roadmap 7.2): which declarations are open for proposals, and results."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.declarations.models.declarations import INTRO_FEATURES, DeclarationPage
from cms.pages.models.base import ContentPage


class PlanDiscussionPage(ContentPage):
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = ContentPage.content_panels + [FieldPanel("intro")]
    search_fields = ContentPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["pages.HomePage", "pages.RubricPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("discussion of plans and results")
        verbose_name_plural = _("discussions of plans and results")

    def discussed_declarations(self):
        """Live declarations of the site that have (or had) a discussion period, newest first."""
        return (
            DeclarationPage.objects.live()
            .public()
            .filter(discussion_start__isnull=False)
            .order_by("-discussion_start", "-year")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        declarations = list(self.discussed_declarations())
        groups = {"open": [], "not_started": [], "closed": []}
        for declaration in declarations:
            state = declaration.discussion_window.state()
            groups.setdefault(state, []).append(declaration)
        context["discussion_groups"] = groups
        return context
