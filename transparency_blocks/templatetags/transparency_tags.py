"""Template filters of the transparency blocks."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from transparency_blocks.rich_text import add_file_labels

register = template.Library()


@register.filter
def richtext_labelled(value):
    """Wagtail's `richtext`, with the format and size written inside every document link."""
    # The input is Wagtail's rendered (safe) HTML; the inserted label was escaped by the link handler.
    return mark_safe(add_file_labels(str(richtext(value))))  # noqa: S308
