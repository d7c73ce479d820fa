"""Admin registries of the councils (Wagtail snippets), grouped under one menu item with filters by council."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CouncilMember, CouncilStatute, DraftAct, FormationNotice, Meeting, Publication, WorkPlan


class CouncilEntryViewSet(SnippetViewSet):
    copy_view_enabled = False
    list_per_page = 50

    def get_queryset(self, request):
        # The council column would otherwise cost a query per row.
        return self.model.objects.select_related("council")


class CouncilMemberViewSet(CouncilEntryViewSet):
    model = CouncilMember
    icon = "user"
    menu_label = _("Members")
    list_display = [
        "full_name",
        Column("role", label=_("role"), accessor="get_role_display"),
        Column("council", label=_("council")),
        "organisation",
        DateColumn("term_start", label=_("term start")),
        DateColumn("term_end", label=_("term end")),
    ]
    list_filter = ["council", "role", "term_start", "term_end"]
    ordering = ["council", "role", "full_name"]


class CouncilStatuteViewSet(CouncilEntryViewSet):
    model = CouncilStatute
    icon = "doc-full"
    menu_label = _("Statutes")
    list_display = [
        "title",
        Column("council", label=_("council")),
        DateColumn("approval_date", label=_("approval date")),
    ]
    list_filter = ["council", "approval_date"]


class WorkPlanViewSet(CouncilEntryViewSet):
    model = WorkPlan
    icon = "list-ol"
    menu_label = _("Work plans")
    list_display = [
        "__str__",
        Column("council", label=_("council")),
        DateColumn("approval_date", label=_("approval date")),
    ]
    list_filter = ["council", "year"]


class MeetingViewSet(CouncilEntryViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Meetings")
    list_display = [
        "__str__",
        Column("council", label=_("council")),
        # A yes/no icon: the field named here would show Python's True/False.
        BooleanColumn(
            "cancelled", label=capfirst(Meeting._meta.get_field("cancelled").verbose_name), sort_key="cancelled"
        ),
    ]
    list_filter = ["council", "starts_at", "cancelled"]


class FormationNoticeViewSet(CouncilEntryViewSet):
    model = FormationNotice
    icon = "mail"
    menu_label = _("Formation notices")
    list_display = [
        "title",
        Column("council", label=_("council")),
        DateColumn("procedure_start", label=_("applications accepted from")),
        DateColumn("procedure_end", label=_("applications accepted until")),
    ]
    list_filter = ["council", "procedure_start"]


class PublicationViewSet(CouncilEntryViewSet):
    model = Publication
    icon = "doc-empty"
    menu_label = _("Publications")
    list_display = [
        "title",
        Column("council", label=_("council")),
        "kind",
        DateColumn("published_on", label=_("publication date")),
    ]
    list_filter = ["council", "kind", "published_on"]


class DraftActViewSet(CouncilEntryViewSet):
    model = DraftAct
    icon = "edit"
    menu_label = _("Draft acts")
    list_display = ["title", Column("council", label=_("council")), DateColumn("submitted_on", label=_("submitted on"))]
    list_filter = ["council", "submitted_on"]


class CouncilsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Public councils")
    menu_icon = "group"
    menu_order = 260
    items = (
        CouncilMemberViewSet,
        CouncilStatuteViewSet,
        WorkPlanViewSet,
        MeetingViewSet,
        FormationNoticeViewSet,
        PublicationViewSet,
        DraftActViewSet,
    )
