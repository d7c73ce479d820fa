from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import ContentPage


class HomePage(ContentPage):
    """The site's root: main rubrics, the anti-corruption link and the latest announcements."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    anticorruption_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("anti-corruption section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked directly from the home page, as the regional rules require."),
    )

    content_panels = ContentPage.content_panels + [FieldPanel("intro"), FieldPanel("anticorruption_page")]
    search_fields = ContentPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.RubricPage", "pages.InformationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
