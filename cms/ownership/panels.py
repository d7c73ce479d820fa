"""The editor's «Ответственность и сроки» tab, brought by the mixin to any page type."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface

OWNERSHIP_TAB_HEADING = _("Ownership and deadlines")


def ownership_panels() -> list:
    return [
        MultiFieldPanel(
            [FieldPanel("owner_unit"), FieldPanel("official")],
            heading=_("Who answers for this page"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("review_rule"),
                FieldRowPanel(
                    [
                        FieldPanel("review_interval_days"),
                        FieldPanel("review_interval_months"),
                        FieldPanel("review_fixed_date"),
                    ]
                ),
                FieldPanel("review_cadence_text"),
            ],
            heading=_("Review rule"),
            help_text=_(
                "Continuously and within N days of a change need N days; a fixed date needs the date; "
                "annually may give N months instead of the calendar year."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("last_reviewed_at", read_only=True, disable_comments=True),
                FieldPanel("review_due", read_only=True, disable_comments=True),
            ],
            heading=_("Review status"),
        ),
    ]


class EditHandlerWithOwnershipTab:
    """Class attribute that builds the usual Content/Promote/Settings tabs plus the ownership tab.

    It reads the panels of the class it is accessed on, so each page type keeps its own ``content_panels``.
    """

    def __get__(self, instance, owner):
        tabs = []
        if owner.content_panels:
            tabs.append(ObjectList(owner.content_panels, heading=_("Content")))
        if owner.promote_panels:
            tabs.append(ObjectList(owner.promote_panels, heading=_("Promote")))
        if owner.settings_panels:
            tabs.append(ObjectList(owner.settings_panels, heading=_("Settings")))
        tabs.append(ObjectList(owner.ownership_panels, heading=OWNERSHIP_TAB_HEADING))
        return TabbedInterface(tabs, base_form_class=owner.base_form_class)
