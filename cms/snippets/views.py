"""Admin registries for the snippets app."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ResponsibleUnit


class ResponsibleUnitViewSet(SnippetViewSet):
    """Units that publish information, with their heads, contacts and editor groups (roadmap 1.1)."""

    model = ResponsibleUnit
    icon = "group"
    menu_label = _("Responsible units")
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        "name",
        "head",
        Column("email", label=_("e-mail")),
        Column("phone", label=_("phone")),
        Column("editors_group", label=_("editors group")),
    ]
    list_filter = ["editors_group"]
    # Search uses the model's own index (ResponsibleUnit.search_fields): naming fields here makes the SQLite FTS
    # backend query per-column, which it cannot do.
    ordering = ["sort_order", "name"]
    copy_view_enabled = False

    def get_queryset(self, request):
        # The editors group column would otherwise cost a query per row.
        return ResponsibleUnit.objects.select_related("editors_group")
