"""Syntax checks for mailto: and tel: links (nothing is sent or dialled)."""

import re
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

_PHONE_CHARS = re.compile(r"^\+?[\d\-.() ]+$")


def check_mailto(href):
    """(ok, detail) for a mailto: link: every address before the ?query must be a valid e-mail address."""
    addresses = unquote(href.split(":", 1)[1]).split("?", 1)[0]
    if not addresses.strip():
        return (False, _("mailto: link without an address"))
    for address in addresses.split(","):
        try:
            validate_email(address.strip())
        except ValidationError:
            return (False, _("invalid e-mail address «%(address)s»") % {"address": address.strip()})
    return (True, "")


def check_tel(href):
    """(ok, detail) for a tel: link: an optional leading +, digits and visual separators, 3 to 15 digits."""
    number = unquote(href.split(":", 1)[1]).split(";", 1)[0].strip()
    digits = sum(ch.isdigit() for ch in number)
    if not _PHONE_CHARS.match(number) or not 3 <= digits <= 15:
        return (False, _("invalid phone number «%(number)s»") % {"number": number})
    return (True, "")
