"""A unit that owns pages cannot be deleted silently: refuse with the list of pages, or reassign them first."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from cms.ownership.models import Ownership
from cms.ownership.queries import prefetch_owned_objects
from cms.ownership.writer import reassign_unit
from cms.snippets.models import ResponsibleUnit

REFUSAL_PAGE_LIMIT = 100


def refuse_deleting_units_with_pages(request, instances):
    """``before_delete_snippet``: answer with the list of pages when a unit still owns some."""
    units = [unit for unit in instances if isinstance(unit, ResponsibleUnit)]
    if not units:
        return None
    states = (
        Ownership.objects.filter(owner_unit__in=units)
        .select_related("page", "owner_unit", "content_type")
        .order_by("page__path", "pk")
    )
    total = states.count()
    if not total:
        return None
    return TemplateResponse(
        request,
        "ownership/units/delete_refused.html",
        {
            "units": units,
            "states": prefetch_owned_objects(list(states[:REFUSAL_PAGE_LIMIT])),
            "total": total,
            "more": max(total - REFUSAL_PAGE_LIMIT, 0),
        },
        status=409,
    )


class ReassignForm(forms.Form):
    target = forms.ModelChoiceField(label=gettext_lazy("New owner unit"), queryset=ResponsibleUnit.objects.none())

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = ResponsibleUnit.objects.exclude(pk=source.pk)


@require_http_methods(["GET", "POST"])
def reassign_unit_view(request, unit_id: int):
    if not request.user.has_perm("snippets.change_responsibleunit"):
        raise PermissionDenied
    source = get_object_or_404(ResponsibleUnit, pk=unit_id)
    form = ReassignForm(request.POST or None, source=source)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        moved = reassign_unit(source, target)
        messages.success(
            request,
            ngettext(
                "%(count)s page of “%(source)s” now belongs to “%(target)s”.",
                "%(count)s pages of “%(source)s” now belong to “%(target)s”.",
                moved,
            )
            % {"count": moved, "source": source, "target": target},
        )
        return redirect(reverse("ownership:review_report") + f"?owner_unit={target.pk}")
    page_count = Ownership.objects.filter(owner_unit=source).count()
    return TemplateResponse(
        request, "ownership/units/reassign.html", {"unit": source, "form": form, "page_count": page_count}
    )
