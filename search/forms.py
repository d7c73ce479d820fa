"""The filters of /search/: every field is optional and a bad value is ignored, never an error page."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Page

MAX_QUERY_CHARS = 255


class SearchFilterForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), required=False)
    type = forms.ChoiceField(label=_("Kind of result"), required=False)
    section = forms.TypedChoiceField(label=_("Section"), required=False, coerce=int, empty_value=None)
    date_from = forms.DateField(
        label=_("Published from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Published until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *, sources, sections, **kwargs):
        super().__init__(data, **kwargs)
        every_kind = pgettext_lazy("kind of result", "All kinds")
        self.fields["type"].choices = [("", every_kind)] + [(s.key, s.label) for s in sources]
        self.fields["section"].choices = [("", _("Whole site"))] + [(page.pk, page.title) for page in sections]
        self.sections = {page.pk: page for page in sections}

    def value(self, name):
        """The field's cleaned value, or None when it was absent or invalid (unknown filters are simply ignored)."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or None

    @property
    def section_page(self) -> Page | None:
        return self.sections.get(self.value("section"))
