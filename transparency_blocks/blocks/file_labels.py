"""The «(PDF, 1,2 МБ)» label of a document link, so citizens know what they download before they click."""

import logging
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Binary multiples (1 КБ = 1024 Б), as Russian office software reports them.
SIZE_UNITS = (_("B"), _("KB"), _("MB"), _("GB"))
_STEP = Decimal(1024)
_ONE_DECIMAL = Decimal("0.1")


def file_size_label(size):
    """Human size in the active language: 0 → «0 Б», 1536 → «1,5 КБ», 1048576 → «1 МБ»; None → ""."""
    if size is None or size < 0:
        return ""
    value = Decimal(size)
    unit = 0
    # Compare the rounded value so 1 048 575 bytes reads «1 МБ», not «1024 КБ».
    while unit < len(SIZE_UNITS) - 1 and value.quantize(_ONE_DECIMAL, ROUND_HALF_UP) >= _STEP:
        value /= _STEP
        unit += 1
    value = value.quantize(_ONE_DECIMAL, ROUND_HALF_UP)
    decimals = 0 if value == value.to_integral_value() else 1
    return f"{number_format(value, decimal_pos=decimals)} {SIZE_UNITS[unit]}"


def file_label(extension, size):
    """«PDF, 1,2 МБ» from an extension and a size in bytes; either part may be unknown."""
    parts = []
    if extension:
        parts.append(extension.lstrip(".").upper())
    size_text = file_size_label(size)
    if size_text:
        parts.append(size_text)
    return ", ".join(parts)


def stored_file_size(field_file):
    """Size of a stored file in bytes, or None when the file is missing (a broken link must not claim a size)."""
    if not field_file:
        return None
    try:
        return field_file.size
    except (OSError, ValueError, NotImplementedError):
        logger.warning("File %s is missing from storage", field_file.name)
        return None


def document_label(document):
    """The format-and-size label of a Wagtail document."""
    return file_label(document.file_extension, stored_file_size(document.file))
