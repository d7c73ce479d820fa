"""The stock site's three page types, written the way a plain Wagtail 8 project writes them (no project code)."""

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock()
    level = blocks.ChoiceBlock(choices=[("h2", "h2"), ("h3", "h3"), ("h4", "h4")], default="h2")

    class Meta:
        template = "stock/heading_block.html"


class HomePage(Page):
    intro = RichTextField(blank=True)
    template = "stock/home_page.html"


class RubricPage(Page):
    intro = RichTextField(blank=True)
    template = "stock/rubric_page.html"


class ContentPage(Page):
    body = StreamField([("heading", HeadingBlock()), ("paragraph", blocks.RichTextBlock())], blank=True)
    template = "stock/content_page.html"
