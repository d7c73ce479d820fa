from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.core import request_cache
from transparency_blocks.privacy import without_private_document_links

from .base import ContentPage


class RubricPage(ContentPage):
    """A section or subsection of the site: an introduction and the ordered list of its children."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "document-link", "ol", "ul"]
    )

    content_panels = ContentPage.content_panels + [FieldPanel("intro")]
    search_fields = ContentPage.search_fields + [index.SearchField("searchable_intro")]
    api_fields = ContentPage.api_fields + [APIField("intro")]

    parent_page_types = ["pages.HomePage", "pages.RubricPage"]
    # Any page type whose own parent_page_types allow it: the content areas' index pages live here too.

    def searchable_intro(self) -> str:
        """The introduction's text for the public index, without links to private documents (their titles)."""
        field = self._meta.get_field("intro")
        return " ".join(field.get_searchable_content(without_private_document_links(self.intro)))

    def listed_children(self):
        """Live, public children in the editors' order; plain pages, so the listing costs one query at any size."""
        return request_cache.public(self.get_children().live())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.listed_children()
        return context

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
