"""Page types of the anti-corruption section's eight subsections (in the order of order 530n)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.pages.models.base import ContentPage

from ..blocks import DocumentListBlock

RICH_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]
SECTION_PARENTS = ["pages.RubricPage"]


def newest_first(stream):
    """The document blocks of ``stream`` by date, newest first (editors may add them in any order)."""
    items = [child for child in stream if child.block_type == "document"]
    return sorted(items, key=lambda child: (child.value.get("date") is not None, child.value.get("date")), reverse=True)


class SectionPage(ContentPage):
    """What every subsection page has: an introduction; rendered with the section's stylesheet."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_FEATURES)

    content_panels = ContentPage.content_panels + [FieldPanel("intro")]
    search_fields = ContentPage.search_fields + [index.SearchField("intro")]
    parent_page_types = SECTION_PARENTS
    subpage_types = []

    class Meta:
        abstract = True


class DocumentListPage(SectionPage):
    """A subsection that is a list of dated documents, newest first, each with format and size."""

    documents = StreamField(DocumentListBlock(), verbose_name=_("documents"), blank=True)

    content_panels = SectionPage.content_panels + [FieldPanel("documents")]
    search_fields = SectionPage.search_fields + [index.SearchField("documents")]

    class Meta:
        abstract = True

    def sorted_documents(self):
        return newest_first(self.documents)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = self.sorted_documents()
        return context


class LegalActsPage(DocumentListPage):
    template = "anticorruption/document_list_page.html"

    class Meta:
        verbose_name = _("anti-corruption legal acts")
        verbose_name_plural = _("anti-corruption legal acts pages")


class MethodicalMaterialsPage(DocumentListPage):
    template = "anticorruption/document_list_page.html"

    class Meta:
        verbose_name = _("methodical materials")
        verbose_name_plural = _("methodical materials pages")


class DocumentFormsPage(DocumentListPage):
    template = "anticorruption/document_list_page.html"

    class Meta:
        verbose_name = _("forms of anti-corruption documents")
        verbose_name_plural = _("forms of anti-corruption documents pages")


class ReportsPage(DocumentListPage):
    template = "anticorruption/document_list_page.html"

    class Meta:
        verbose_name = _("anti-corruption reports and statistics")
        verbose_name_plural = _("anti-corruption reports and statistics pages")
