"""The stream editors compose openness pages from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .contacts import ContactDetailsBlock
from .documents import DocumentLinkBlock
from .links import LinkListBlock
from .notices import NoticeBlock
from .people import PersonBlock
from .tables import DataTableBlock
from .text import HeadingBlock, ParagraphBlock


class TransparencyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    document_link = DocumentLinkBlock()
    table = DataTableBlock()
    person = PersonBlock()
    contact_details = ContactDetailsBlock()
    notice = NoticeBlock()
    link_list = LinkListBlock()

    class Meta:
        # Blocks render one after another without Wagtail's default <div class="block-..."> wrappers.
        template = "transparency_blocks/stream.html"
        label = _("Content")
