"""The editor's «Ответственность и сроки» tab, brought by the mixins to any page type or registry entry."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel, TabbedInterface

OWNERSHIP_TAB_HEADING = _("Ownership and deadlines")


def _field(name: str) -> FieldPanel:
    # Form fields of OwnershipFormMixin, not model fields: no comments on them.
    return FieldPanel(name, disable_comments=True)


class ReviewStatusPanel(Panel):
    """Last review, due date and a running registry deadline, read from the ``Ownership`` row."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "ownership/panels/review_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["record"] = instance.ownership_record if getattr(instance, "pk", None) else None
            return context


def ownership_panels() -> list:
    return [
        MultiFieldPanel(
            [_field("owner_unit"), _field("official")],
            heading=_("Who answers for this page"),
        ),
        MultiFieldPanel(
            [
                _field("review_rule"),
                FieldRowPanel(
                    [
                        _field("review_interval_days"),
                        _field("review_interval_months"),
                        _field("review_fixed_date"),
                    ]
                ),
                _field("review_cadence_text"),
            ],
            heading=_("Review rule"),
            help_text=_(
                "«Continuously» and «within a number of days of a change» need the interval in days; a fixed date "
                "needs the date; «annually» may give an interval in months instead of the calendar year."
            ),
        ),
        ReviewStatusPanel(heading=_("Review status")),
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
