"""Registrations only: the logic lives in components, views and services."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.ownership import admin_urls
from cms.ownership.components import DueReviewsPanel, MarkReviewedMenuItem, ReviewReportMenuItem
from cms.ownership.views.units import refuse_deleting_units_with_pages
from cms.ownership.writer import MARK_REVIEWED_ACTION


@hooks.register("register_admin_urls")
def register_ownership_urls():
    return [path("ownership/", include(admin_urls, namespace="ownership"))]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Review deadlines"),
        reverse("ownership:review_report"),
        name="review-deadlines",
        icon_name="calendar-alt",
        order=1050,
    )


@hooks.register("construct_homepage_panels")
def add_due_reviews_panel(request, panels):
    panels.append(DueReviewsPanel(request))


@hooks.register("register_page_action_menu_item")
def register_mark_reviewed_menu_item():
    return MarkReviewedMenuItem()


@hooks.register("register_log_actions")
def register_ownership_log_actions(actions):
    actions.register_action(MARK_REVIEWED_ACTION, _("Mark as reviewed"), _("Marked as reviewed"))


@hooks.register("before_delete_snippet")
def refuse_unit_delete(request, instances):
    return refuse_deleting_units_with_pages(request, instances)
