from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from transparency_blocks.blocks import TransparencyStreamBlock

from .base import ContentPage


class InformationPage(ContentPage):
    """A page of published information, built from transparency blocks."""

    body = StreamField(TransparencyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = ContentPage.content_panels + [FieldPanel("body")]
    search_fields = ContentPage.search_fields + [index.SearchField("body")]
    api_fields = ContentPage.api_fields + [APIField("body")]

    parent_page_types = ["pages.HomePage", "pages.RubricPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
