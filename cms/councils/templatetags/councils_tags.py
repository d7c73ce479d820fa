"""Template helpers of the council pages."""

from django import template

from transparency_blocks.blocks import document_label

register = template.Library()


@register.filter
def file_label(document) -> str:
    """«PDF, 1,2 МБ» for a Wagtail document (read from the stored file, no query)."""
    return document_label(document) if document else ""
