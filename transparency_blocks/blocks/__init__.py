"""Reusable StreamField blocks for openness pages. Imports nothing from ``cms``."""

from .contacts import ContactDetailsBlock, tel_href
from .documents import DocumentLinkBlock
from .file_labels import document_label, file_label, file_size_label
from .links import LinkItemBlock, LinkListBlock
from .notices import NoticeBlock
from .people import PersonBlock
from .stream import TransparencyStreamBlock
from .tables import DataTableBlock
from .text import HeadingBlock, ParagraphBlock

__all__ = [
    "ContactDetailsBlock",
    "DataTableBlock",
    "DocumentLinkBlock",
    "HeadingBlock",
    "LinkItemBlock",
    "LinkListBlock",
    "NoticeBlock",
    "ParagraphBlock",
    "PersonBlock",
    "TransparencyStreamBlock",
    "document_label",
    "file_label",
    "file_size_label",
    "tel_href",
]
