"""Admin UI pieces: the dashboard panel and the page action «Отметить как проверенную»."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.ownership.owned_types import is_owned
from cms.ownership.queries import due_records_for_user, prefetch_owned_objects


class DueReviewsPanel(Component):
    """The user's own and their units' live pages that are overdue or due within 14 days."""

    name = "ownership_due_reviews"
    template_name = "ownership/panels/due_reviews.html"
    order = 110
    limit = 20

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        states = prefetch_owned_objects(
            list(due_records_for_user(self.request.user, timezone.localdate())[: self.limit + 1])
        )
        return {
            "states": states[: self.limit],
            "has_more": len(states) > self.limit,
            "report_url": reverse("ownership:review_report"),
            "request": self.request,
        }


class MarkReviewedMenuItem(ActionMenuItem):
    label = _("Mark as reviewed")
    name = "action-mark-reviewed"
    icon_name = "tick"
    order = 60

    def is_shown(self, context):
        if context.get("view") != "edit":
            return False
        page = context.get("page")
        if page is None or not is_owned(page) or context.get("locked_for_user"):
            return False
        if page.ownership_record is None:
            return False
        return self.get_user_page_permissions_tester(context).can_edit()

    def get_url(self, parent_context):
        return reverse("ownership:mark_reviewed", args=[parent_context["page"].ownership_record.pk])


class ReviewReportMenuItem(MenuItem):
    """«Сроки актуализации» in the Reports menu, for anyone with a page permission."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])
