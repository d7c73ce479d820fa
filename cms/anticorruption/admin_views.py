"""Snippet viewsets of the section's registries (grouped under one admin menu item)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CommissionMeeting, CommissionMember, DisclosureCampaign, DisclosureRow


class DisclosureCampaignViewSet(SnippetViewSet):
    model = DisclosureCampaign
    icon = "date"
    menu_label = _("Disclosure years")
    list_display = ["year", "is_published", "updated_at"]
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
    list_display = ["date", "agenda", "is_published"]


class AnticorruptionGroup(SnippetViewSetGroup):
    menu_label = _("Anti-corruption")
    menu_icon = "warning"
    menu_order = 250
    items = (DisclosureCampaignViewSet, DisclosureRowViewSet, CommissionMemberViewSet, CommissionMeetingViewSet)
