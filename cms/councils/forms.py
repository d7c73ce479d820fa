"""The «Состав совета на <дату>» form: a plain GET form, so it works without JavaScript."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The form accepts what a browser's date field sends and what a person types where it is a text field.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class CompositionDateForm(forms.Form):
    date = forms.DateField(
        label=_("Composition on"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        error_messages={"invalid": _("Enter a date as DD.MM.YYYY, e.g. 01.03.2025.")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    @classmethod
    def from_request(cls, request):
        """The bound form and the chosen day: today when nothing (or something invalid) was chosen."""
        form = cls(request.GET if "date" in request.GET else None)
        day = timezone.localdate()
        if form.is_bound and form.is_valid() and form.cleaned_data["date"]:
            day = form.cleaned_data["date"]
        return form, day
