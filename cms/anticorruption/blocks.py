"""The dated document entry of the section's document lists (acts, methodical materials, forms, reports)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

from transparency_blocks.blocks import DocumentLinkBlock


class DatedDocumentBlock(DocumentLinkBlock):
    """A document link with its date and (for acts) number; lists show the newest first."""

    date = blocks.DateBlock(label=_("Date"), help_text=_("Date of the act or of publication."))
    number = blocks.CharBlock(label=pgettext_lazy("document number", "Number"), required=False, max_length=64)
    note = blocks.CharBlock(
        label=_("Note"), required=False, max_length=255, help_text=_("E.g. «в ред. от 12.03.2025 № 45»")
    )

    class Meta:
        icon = "doc-full"
        label = _("Dated document")
        template = "anticorruption/blocks/dated_document.html"
        preview_value = {"document": None, "title": "Положение о комиссии", "number": "12-п"}
        description = _("A document with its date and number; format and size are shown automatically.")


class DocumentListBlock(blocks.StreamBlock):
    document = DatedDocumentBlock()

    class Meta:
        icon = "list-ul"
        label = _("Documents")
        template = "anticorruption/blocks/document_list.html"
        description = _("Documents of this subsection, shown newest first.")
        preview_value = []
