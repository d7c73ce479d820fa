"""Checks of an uploaded attachment: an allowed type (by extension and by content) and a maximum size."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import conf

# The first bytes of each allowed format: a renamed executable or script is refused although its name looks right.
_SIGNATURES = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "rtf": (b"{\\rtf",),
}


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def validate_attachment(upload) -> None:
    """Raise a ValidationError in Russian (through the catalogue) when ``upload`` may not be attached."""
    allowed = conf.allowed_extensions()
    extension = _extension(upload.name or "")
    if extension not in allowed:
        raise ValidationError(
            _("Files of this type cannot be attached. Allowed types: %(types)s."),
            code="file_type",
            params={"types": ", ".join(ext.upper() for ext in allowed)},
        )
    limit = conf.max_attachment_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the maximum is %(limit)s."),
            code="file_size",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    signatures = _SIGNATURES.get(extension)
    if signatures:
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(signature) for signature in signatures):
            raise ValidationError(
                _("The file's content does not match its type %(type)s."),
                code="file_content",
                params={"type": extension.upper()},
            )
    elif extension == "txt":
        upload.seek(0)
        head = upload.read(4096)
        upload.seek(0)
        if b"\x00" in head:
            raise ValidationError(
                _("The file's content does not match its type %(type)s."),
                code="file_content",
                params={"type": "TXT"},
            )
