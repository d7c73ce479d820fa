"""A notice shown only while it is valid (e.g. a changed reception schedule)."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .text import ParagraphBlock


def site_today():
    """Today's date in the site's time zone (settings.TIME_ZONE), whatever time zone the request activated."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


def is_notice_visible(valid_from, valid_until, today):
    """Visible from valid_from through valid_until inclusive; a missing date leaves that side open."""
    if valid_from is not None and today < valid_from:
        return False
    if valid_until is not None and today > valid_until:
        return False
    return True


class NoticeBlock(blocks.StructBlock):
    text = ParagraphBlock(label=_("Text"))
    valid_from = blocks.DateBlock(
        label=_("Show from"), required=False, help_text=_("Leave empty to show the notice at once.")
    )
    valid_until = blocks.DateBlock(
        label=_("Show until"),
        required=False,
        help_text=_("The last day the notice is shown. Leave empty to show it until removed."),
    )

    class Meta:
        icon = "warning"
        label = _("Notice")
        template = "transparency_blocks/notice.html"
        preview_value = {
            "text": "<p>Приём граждан 4 ноября не проводится.</p>",
            "valid_from": None,
            "valid_until": None,
        }
        description = _("An announcement shown to visitors only between its dates (site time zone).")

    def clean(self, value):
        valid_from, valid_until = value.get("valid_from"), value.get("valid_until")
        if valid_from and valid_until and valid_until < valid_from:
            raise blocks.StructBlockValidationError(
                block_errors={"valid_until": ValidationError(_("The end date cannot be earlier than the start date."))}
            )
        return super().clean(value)

    def is_visible(self, value, today=None):
        return is_notice_visible(value.get("valid_from"), value.get("valid_until"), today or site_today())

    def render(self, value, context=None):
        # Judged at render time, so a published page needs no republishing when the notice starts or ends.
        if self.is_visible(value):
            return super().render(value, context=context)
        context = dict(context or {})
        if getattr(context.get("request"), "is_preview", False):
            # Editors previewing the page still see the notice, marked as hidden from visitors.
            context["hidden_from_visitors"] = True
            return super().render(value, context=context)
        return ""
