"""Figures as citizens read them: «12,5», «1 200», «95,3 %»; a missing figure is a dash, never a zero."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def figure(value) -> str:
    """A stored value without trailing zeros, in the active locale (12.500 → «12,5», 0.000 → «0»)."""
    if value is None:
        return "—"
    value = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(value.normalize(), "f")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return number_format(Decimal(text), decimal_pos=decimals, use_l10n=True, force_grouping=abs(value) >= 10000)


def percent(value) -> str:
    if value is None:
        return "—"
    return _("%(value)s %%") % {"value": figure(value)}
