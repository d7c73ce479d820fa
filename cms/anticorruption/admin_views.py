"""Snippet viewsets of the section's registries (grouped under one admin menu item)."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CommissionMeeting, CommissionMember, DisclosureCampaign, DisclosureRow


def published_column(model) -> BooleanColumn:
    """A yes/no icon: a field named in ``list_display`` would show Python's True/False."""
    return BooleanColumn(
        "is_published", label=capfirst(model._meta.get_field("is_published").verbose_name), sort_key="is_published"
    )


class DisclosureCampaignViewSet(SnippetViewSet):
    model = DisclosureCampaign
    icon = "date"
    menu_label = _("Disclosure years")
    list_display = ["year", published_column(DisclosureCampaign), "updated_at"]
    ordering = ["-year"]


class DisclosureRowViewSet(SnippetViewSet):
    model = DisclosureRow
    icon = "user"
    menu_label = _("Disclosure rows")
    list_display = ["__str__", "relation", "position", "income"]
    list_filter = ["campaign", "relation"]
    search_fields = ["name", "position"]
    ordering = ["campaign", "sort_order"]

    def get_queryset(self, request):
        return DisclosureRow.objects.select_related("campaign", "official")


class CommissionMemberViewSet(SnippetViewSet):
    model = CommissionMember
    icon = "group"
    menu_label = _("Commission members")
    list_display = ["name", "role", "position"]


class CommissionMeetingViewSet(SnippetViewSet):
    model = CommissionMeeting
    icon = "date"
    menu_label = _("Commission meetings")
    list_display = ["date", "agenda", published_column(CommissionMeeting)]


class AnticorruptionGroup(SnippetViewSetGroup):
    menu_label = _("Anti-corruption")
    menu_icon = "warning"
    menu_order = 250
    items = (DisclosureCampaignViewSet, DisclosureRowViewSet, CommissionMemberViewSet, CommissionMeetingViewSet)
