"""The plans and reports archive: filter by year and kind (plain GET, no JavaScript), documents with format and size."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.declarations.models.archive import DocumentKind


class ArchiveFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind of document"), required=False)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]
        self.fields["kind"].choices = [("", _("All kinds"))] + list(DocumentKind.choices)


def archive_context(page, request) -> dict:
    documents = page.archive_documents.all()
    years = sorted(set(documents.values_list("year", flat=True)), reverse=True)
    form = ArchiveFilterForm(request.GET or None, years=years)
    selected = documents.select_related("document").order_by("-year", "sort_order", "pk")
    if form.is_bound and form.is_valid():
        if form.cleaned_data["year"]:
            selected = selected.filter(year=form.cleaned_data["year"])
        if form.cleaned_data["kind"]:
            selected = selected.filter(kind=form.cleaned_data["kind"])
    elif form.is_bound:
        selected = selected.none()  # the form says what was wrong; show nothing rather than everything
    by_year = {}
    for item in selected:
        by_year.setdefault(item.year, []).append(item)
    return {
        "filter_form": form,
        "documents_by_year": sorted(by_year.items(), reverse=True),
        "filtered": form.is_bound,
    }
