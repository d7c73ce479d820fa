"""Headings and paragraphs: the running text of an openness page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

from ..privacy import neutral_private_document_links, without_private_document_links

HEADING_LEVELS = [("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))]


def heading_tag(level):
    """The tag to render: the stored level when it is one of h2–h4 (imported JSON bypasses form validation)."""
    return level if level in dict(HEADING_LEVELS) else HEADING_LEVELS[0][0]


# Paragraphs carry text only: headings come from HeadingBlock (so the outline stays h2–h4 under the
# page's h1), pictures and embeds from their own blocks (so they get alt text and a caption).
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(label=_("Level"), choices=HEADING_LEVELS, default="h2")

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "transparency_blocks/heading.html"
        preview_value = {"text": "Порядок приёма граждан", "level": "h2"}
        description = _("A section heading inside the page.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["tag"] = heading_tag(value.get("level"))
        return context


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text limited to inline formatting, links and lists."""

    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or PARAGRAPH_FEATURES, **kwargs)

    def get_searchable_content(self, value):
        # Links to private documents carry their titles: the public index must not find the page by them.
        source = without_private_document_links(value.source if hasattr(value, "source") else str(value or ""))
        return super().get_searchable_content(self.to_python(source))

    def get_api_representation(self, value, context=None):
        # The newspaper's API gets the link to a private document, not the document's title.
        source = value.source if hasattr(value, "source") else str(value or "")
        return super().get_api_representation(RichText(neutral_private_document_links(source)), context=context)

    def deconstruct(self):
        # Migrations store a plain RichTextBlock with its feature list, so they never import this module.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.RichTextBlock", args, {**kwargs, "features": self.features}

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "transparency_blocks/paragraph.html"
        preview_value = (
            "<p>Приём граждан ведётся по <b>предварительной записи</b>.</p>"
            "<ul><li>по телефону;</li><li>по электронной почте.</li></ul>"
        )
        description = _("Text with bold, italic, links and lists.")
