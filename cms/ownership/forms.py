"""The editor's ownership fields: form fields that read and write the object's ``Ownership`` row.

They are declared on the form, not on the model, so the row is never part of a revision. The values are handed to
the object on ``save()``; the mixin passes them to ``cms.ownership.writer.update`` once the object has a pk.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.pages import WagtailAdminPageForm

from cms.ownership.rules import ReviewRule, rule_errors
from cms.snippets.models import ResponsibleUnit

# The form fields, named as the Ownership record's fields they write.
OWNERSHIP_FIELDS = (
    "owner_unit",
    "official",
    "review_rule",
    "review_interval_days",
    "review_interval_months",
    "review_fixed_date",
    "review_cadence_text",
)


class OfficialChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


def official_candidates(unit=None, keep=None):
    """People who may be named: active editors of the owner unit, or of some unit when none is chosen.

    A unit without an editors group names no one in particular, so it offers the editors of every unit. ``keep``
    (the official stored on the object) stays listed so that saving the form never drops them silently: ``clean()``
    then says why they no longer fit.
    """
    if unit is not None and unit.editors_group_id is not None:
        people = Q(is_active=True, groups=unit.editors_group_id)
    else:
        people = Q(is_active=True, groups__responsible_unit__isnull=False)
    if keep is not None:
        people |= Q(pk=keep)
    return get_user_model().objects.filter(people).distinct().order_by("last_name", "first_name", "username")


OFFICIAL_OF_ANOTHER_UNIT = _("The official must be an editor of the owner unit.")


class OwnershipFormMixin(forms.Form):
    owner_unit = forms.ModelChoiceField(label=_("Owner unit"), queryset=ResponsibleUnit.objects.all(), required=False)
    official = OfficialChoiceField(
        label=_("Responsible official"),
        queryset=None,  # set per form: the user model is not ready when this module is imported
        required=False,
        help_text=_("An editor of the owner unit who answers for this personally (optional)."),
        error_messages={"invalid_choice": OFFICIAL_OF_ANOTHER_UNIT},
    )
    review_rule = forms.ChoiceField(label=_("Review rule"), choices=ReviewRule.choices, initial=ReviewRule.AS_NEEDED)
    review_interval_days = forms.IntegerField(label=_("Interval, days"), min_value=1, max_value=3660, required=False)
    review_interval_months = forms.IntegerField(label=_("Interval, months"), min_value=1, max_value=120, required=False)
    review_fixed_date = forms.DateField(label=_("Fixed date"), required=False)
    review_cadence_text = forms.CharField(label=_("Deadline as worded in the roadmap"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        record = self.instance.ownership_record if self.instance.pk else self._inherited_record()
        if record is not None:
            for name in OWNERSHIP_FIELDS:
                if name in self.fields:
                    value = getattr(record, f"{name}_id" if name in ("owner_unit", "official") else name)
                    self.initial.setdefault(name, value)
        if "official" in self.fields:
            stored = record.official_id if record is not None and self.instance.pk else None
            self.fields["official"].queryset = official_candidates(self._chosen_unit(), keep=stored)

    def _chosen_unit(self):
        """The owner unit the form is about: the one submitted, else the one shown."""
        if "owner_unit" not in self.fields:
            return None
        field = self.fields["owner_unit"]
        value = self.data.get(self.add_prefix("owner_unit")) if self.is_bound else self.initial.get("owner_unit")
        try:
            return field.clean(value)
        except ValidationError:
            return None

    def _inherited_record(self):
        """A new page starts with its parent's owner and rule; the editor may change them."""
        parent = getattr(self, "parent_page", None)
        return getattr(parent.specific, "ownership_record", None) if parent is not None else None

    def clean(self):
        cleaned = super().clean()
        errors = rule_errors(
            cleaned.get("review_rule"), cleaned.get("review_interval_days"), cleaned.get("review_fixed_date")
        )
        for name, message in errors.items():
            self.add_error(name, message)
        unit, official = cleaned.get("owner_unit"), cleaned.get("official")
        if official is not None and unit is not None and unit.editors_group_id is not None:
            if not official.groups.filter(pk=unit.editors_group_id).exists():
                self.add_error("official", OFFICIAL_OF_ANOTHER_UNIT)
        return cleaned

    def save(self, commit=True):
        for name in OWNERSHIP_FIELDS:
            if name in self.fields:
                setattr(self.instance, name, self.cleaned_data.get(name))
        return super().save(commit=commit)


class OwnedPageForm(OwnershipFormMixin, WagtailAdminPageForm):
    """The base form of every owned page type."""


class OwnedModelForm(OwnershipFormMixin, WagtailAdminModelForm):
    """The base form of registry entries with their own owner (``OwnedModelMixin``)."""
