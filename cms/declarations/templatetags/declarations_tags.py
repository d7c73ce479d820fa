"""Filters for the declarations templates."""

from django import template

from cms.declarations import numbers
from transparency_blocks.blocks import file_labels

register = template.Library()


@register.filter
def figure(value):
    return numbers.figure(value)


@register.filter
def percent(value):
    return numbers.percent(value)


@register.filter
def document_label(document):
    """«PDF, 1,2 МБ» of a Wagtail document."""
    return file_labels.document_label(document)
