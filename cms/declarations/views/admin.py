"""Admin: the indicators registry (snippets) and the spreadsheet import of indicators."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.declarations.importer import ImportFailed, import_indicators
from cms.declarations.models import DeclarationPage, Indicator

IMPORT_PERMISSIONS = ("declarations.add_indicator", "declarations.change_indicator")


class IndicatorFilterSet(WagtailFilterSet):
    class Meta:
        model = Indicator
        fields = ["declaration", "direction"]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = gettext_lazy("Indicators")
    menu_name = "declaration-indicators"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "declaration", "unit", "direction"]
    filterset_class = IndicatorFilterSet
    search_fields = ["name", "goal"]
    ordering = ["declaration", "sort_order", "pk"]

    def get_queryset(self, request):
        return Indicator.objects.select_related("declaration")


class IndicatorImportForm(forms.Form):
    declaration = forms.ModelChoiceField(
        label=gettext_lazy("Declaration"),
        queryset=DeclarationPage.objects.order_by("-year"),
        error_messages={
            "required": gettext_lazy("Choose the declaration."),
            "invalid_choice": gettext_lazy("Choose the declaration from the list."),
        },
    )
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (XLSX or CSV)"),
        help_text=gettext_lazy(
            "First row: column names — «Цель», «Показатель», «Единица измерения», «Базовое значение», «Направление», "
            "«План I кв.» … «План IV кв.», «План год», «Факт I кв.» … «Факт год». Indicators are matched by name: "
            "existing ones are updated, new ones added. If any row has an error nothing is changed."
        ),
        error_messages={"required": gettext_lazy("Choose a file.")},
    )


def import_view(request):
    if not all(request.user.has_perm(p) for p in IMPORT_PERMISSIONS):
        return HttpResponseForbidden(_("You may not import indicators."))
    errors = []
    if request.method == "POST":
        form = IndicatorImportForm(request.POST, request.FILES)
        if form.is_valid():
            declaration = form.cleaned_data["declaration"]
            upload = form.cleaned_data["file"]
            try:
                result = import_indicators(declaration, upload.name, upload.read())
            except ImportFailed as exc:
                errors = exc.errors
            else:
                messages.success(
                    request,
                    _("Imported into «%(title)s»: %(created)s added, %(updated)s updated.")
                    % {"title": declaration.title, "created": result.created, "updated": result.updated},
                )
                return redirect(
                    reverse("wagtailsnippets_declarations_indicator:list") + f"?declaration={declaration.pk}"
                )
    else:
        form = IndicatorImportForm(initial={"declaration": request.GET.get("declaration")})
    status = 400 if errors or form.errors else 200
    return TemplateResponse(
        request, "declarations/admin/import.html", {"form": form, "import_errors": errors}, status=status
    )
