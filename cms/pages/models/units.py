"""The public list of responsible units: who publishes what, their duties and contacts (roadmap 1.1)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.snippets.models import ResponsibleUnit

from .base import ContentPage


class UnitsPage(ContentPage):
    """Lists every ResponsibleUnit; ``ResponsibleUnit.get_absolute_url`` points at its entry here."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = ContentPage.content_panels + [FieldPanel("intro")]
    search_fields = ContentPage.search_fields + [index.SearchField("intro")]
    api_fields = ContentPage.api_fields + [APIField("intro")]

    parent_page_types = ["pages.HomePage", "pages.RubricPage"]
    subpage_types = []
    max_count = 1  # units link to "the" units page

    class Meta:
        verbose_name = _("responsible units page")
        verbose_name_plural = _("responsible units pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["units"] = ResponsibleUnit.objects.select_related("editors_group").all()
        return context
