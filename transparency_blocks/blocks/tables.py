"""Data tables with a caption and header cells, built on Wagtail's TypedTableBlock."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock, TypedTableBlockValidationError

# The column type whose cells are rendered as <th scope="row">: editors mark the first column as row headings
# by choosing this type for it. Column headings always render as <th scope="col">.
ROW_HEADING = "row_heading"


class DataTableBlock(TypedTableBlock):
    row_heading = blocks.CharBlock(label=_("Row heading"), max_length=255)
    text = blocks.CharBlock(label=_("Text"), required=False, max_length=1000)
    number = blocks.DecimalBlock(label=_("Number"), required=False, template="transparency_blocks/table_number.html")
    date = blocks.DateBlock(label=_("Date"), required=False)
    rich_text = blocks.RichTextBlock(label=_("Text with links"), required=False, features=["bold", "italic", "link"])

    class Meta:
        icon = "table"
        label = _("Table")
        template = "transparency_blocks/table.html"
        description = _(
            "A data table. A caption is required; column headings become header cells, "
            "and a column of the type «Row heading» makes its cells row headers."
        )
        preview_value = {
            "caption": "Часы приёма граждан",
            "columns": [
                {"type": ROW_HEADING, "heading": "День недели"},
                {"type": "text", "heading": "Время"},
            ],
            "rows": [
                {"values": ["Понедельник", "9:00–13:00"]},
                {"values": ["Четверг", "14:00–18:00"]},
            ],
        }

    def clean(self, table):
        # Screen reader users rely on the caption to know what a table is about (WCAG 1.3.1).
        if not (table.caption or "").strip() and not self.is_deferred_validation:
            raise TypedTableBlockValidationError(
                non_block_errors=[ValidationError(_("Enter a caption for the table."))]
            )
        return super().clean(table)
