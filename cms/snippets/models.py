"""Registries that editors maintain as snippets."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.core import request_cache

# The public page listing the units (cms.pages.UnitsPage), named rather than imported: pages sit above snippets.
UNITS_PAGE_MODEL = ("pages", "unitspage")


def _units_page_url() -> str | None:
    """The live public units page's address (once per request: every unit on a page links to it)."""
    try:
        content_type = ContentType.objects.get_by_natural_key(*UNITS_PAGE_MODEL)
    except ContentType.DoesNotExist:
        return None
    pages = request_cache.public(Page.objects.live().filter(content_type=content_type))
    page = pages.order_by("path").first()
    return page.get_url() if page else None


class ResponsibleUnit(index.Indexed, models.Model):
    """A unit of the administration that publishes information and answers for it (roadmap 1.1)."""

    name = models.CharField(pgettext_lazy("organisation", "name"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    slug = models.SlugField(
        _("code"),
        max_length=100,
        unique=True,
        help_text=_("Stable identifier used by the rubric data file."),
    )
    head = models.CharField(_("head"), max_length=255, blank=True, help_text=_("Full name and position."))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    duties = RichTextField(
        _("duties"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Rights, obligations and responsibility for publishing information."),
    )
    editors_group = models.OneToOneField(
        Group,
        verbose_name=_("editors group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_unit",
        help_text=_("The Wagtail group whose members edit this unit's pages."),
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("head"),
        # The admin list searches with autocomplete: every field an editor may type is an autocomplete field.
        index.AutocompleteField("name"),
        index.AutocompleteField("short_name"),
        index.AutocompleteField("head"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("responsible unit")
        verbose_name_plural = _("responsible units")

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        """The unit's entry (duties, contacts) on the live public units page, or "" when there is none."""
        url = request_cache.memo("units_page_url", _units_page_url)
        return f"{url}#{self.anchor}" if url else ""

    @property
    def anchor(self) -> str:
        """The id of this unit's entry on the public units page."""
        return f"unit-{self.slug}"
