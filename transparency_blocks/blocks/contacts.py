"""Contact details of an office: address, phones, e-mail, working hours."""

import re

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

_EXTENSION = re.compile(r"(?:доб|ext|вн)\.?\s*(\d+)", re.IGNORECASE)
_NOT_DIALLED = re.compile(r"[^\d+]")


def tel_href(phone):
    """The tel: URI of a phone as people write it: «+7 (38535) 2-12-34, доб. 5» → «tel:+73853521234;ext=5».

    Only a leading «+» and the digits are dialled; an extension is kept in RFC 3966 form. "" when no digits.
    """
    phone = phone or ""
    extension = _EXTENSION.search(phone)
    main = phone[: extension.start()] if extension else phone
    dialled = _NOT_DIALLED.sub("", main)
    digits = dialled.replace("+", "")
    if not digits:
        return ""
    uri = f"tel:{'+' if dialled.startswith('+') else ''}{digits}"
    if extension:
        uri += f";ext={extension.group(1)}"
    return uri


def phone_links(phones):
    """(text, href) pairs for the phones of a block; blank entries dropped."""
    return [(phone, tel_href(phone)) for phone in phones if phone and phone.strip()]


class ContactDetailsBlock(blocks.StructBlock):
    address = blocks.TextBlock(label=_("Address"), required=False, help_text=_("Postal address, one line per row."))
    phones = blocks.ListBlock(blocks.CharBlock(label=_("Phone"), max_length=64), label=_("Phones"), min_num=0)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    working_hours = blocks.TextBlock(label=_("Working hours"), required=False)

    class Meta:
        icon = "home"
        label = _("Contact details")
        template = "transparency_blocks/contact_details.html"
        preview_value = {
            "address": "658076, Алтайский край, ЗАТО Сибирский,\nул. Кедровая, 1",
            "phones": ["+7 (38532) 5-00-00", "+7 (38532) 5-00-01"],
            "email": "admin@example.ru",
            "working_hours": "Пн–Пт 8:00–17:00, обед 12:00–13:00",
        }
        description = _("Address, phones, e-mail and working hours of an office.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["phones"] = phone_links(value.get("phones") or [])
        return context
