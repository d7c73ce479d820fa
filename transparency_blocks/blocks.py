"""Reusable StreamField blocks for openness pages. Imports nothing from ``cms``."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "transparency_blocks/heading.html"
        preview_value = {"text": "Порядок приёма граждан", "level": "h2"}
        description = _("A section heading inside the page.")


class TransparencyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="transparency_blocks/paragraph.html",
        icon="pilcrow",
    )
