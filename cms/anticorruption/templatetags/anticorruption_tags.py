from django import template

from transparency_blocks.blocks import document_label

register = template.Library()


@register.filter
def doc_label(document):
    """«PDF, 240 КБ» of a Wagtail document (links state format and size)."""
    return document_label(document) if document is not None else ""
