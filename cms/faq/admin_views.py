"""The FAQ registry in the Wagtail admin: the snippet viewset with its filters."""

import django_filters
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.models import Tag
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cms.faq.models import FaqEntry
from cms.snippets.models import ResponsibleUnit

STATUS_CHOICES = [
    ("live", pgettext_lazy("FAQ entry status", "published")),
    ("changed", _("published, with unpublished changes")),
    ("draft", _("draft")),
]


def rubric_pages():
    return Page.objects.filter(content_type__app_label="pages", content_type__model="rubricpage").order_by("path")


def used_tags():
    return Tag.objects.filter(faq_faqentrytag_items__isnull=False).distinct().order_by("name")


class FaqEntryFilterSet(WagtailFilterSet):
    category = django_filters.ModelChoiceFilter(label=_("category"), queryset=lambda request: rubric_pages())
    tags = django_filters.ModelMultipleChoiceFilter(
        label=_("Tags"), field_name="tags", queryset=lambda request: used_tags(), distinct=True
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("owner unit"),
        queryset=lambda request: ResponsibleUnit.objects.all(),
        field_name="ownership_records__owner_unit",
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=STATUS_CHOICES, method="filter_status")

    class Meta:
        model = FaqEntry
        fields = ["category", "tags", "unit", "status"]

    def filter_status(self, queryset, name, value):
        conditions = {
            "live": Q(live=True, has_unpublished_changes=False),
            "changed": Q(live=True, has_unpublished_changes=True),
            "draft": Q(live=False),
        }
        return queryset.filter(conditions[value]) if value in conditions else queryset


class FaqEntryIndexView(IndexView):
    """The list with «download XLSX/CSV» and «import» in the header's menu."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        user = self.request.user
        if user.has_perm("faq.change_faqentry") or user.has_perm("faq.view_faqentry"):
            buttons += [
                Button(_("Download XLSX"), url=reverse("faq_admin:export", args=["xlsx"]), icon_name="download"),
                Button(_("Download CSV"), url=reverse("faq_admin:export", args=["csv"]), icon_name="download"),
            ]
        if user.has_perm("faq.add_faqentry") and user.has_perm("faq.change_faqentry"):
            buttons.append(Button(_("Import from XLSX/CSV"), url=reverse("faq_admin:import"), icon_name="upload"))
        return buttons


class FaqEntryViewSet(SnippetViewSet):
    """Answers to frequently asked questions (roadmap 3.3)."""

    model = FaqEntry
    icon = "help"
    menu_label = _("FAQ")
    add_to_admin_menu = True
    menu_order = 260
    filterset_class = FaqEntryFilterSet
    index_view_class = FaqEntryIndexView
    list_display = [
        "question",
        Column("category", label=_("category")),
        Column("view_count", label=_("views"), sort_key="view_count"),
        Column("helpful_yes", label=_("helpful"), sort_key="helpful_yes"),
        Column("helpful_no", label=_("not helpful"), sort_key="helpful_no"),
        LiveStatusTagColumn(label=_("Status")),  # Wagtail's default label is translated at import, so English
    ]
    ordering = ["question"]

    def get_queryset(self, request):
        # The category column would otherwise cost a query per row.
        return FaqEntry.objects.select_related("category", "latest_revision")
