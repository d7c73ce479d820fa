"""Registrations only: the search report in the Reports menu (the search sources hook is documented in sources.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.permission_policies import ModelPermissionPolicy

from search.report import SearchQueriesReportView


class SearchQueriesMenuItem(MenuItem):
    def is_shown(self, request):
        policy = ModelPermissionPolicy(SearchPromotion)
        return policy.user_has_any_permission(request.user, ["add", "change", "delete"])


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path("reports/search-queries/", SearchQueriesReportView.as_view(), name="search_queries_report"),
        path(
            "reports/search-queries/results/",
            SearchQueriesReportView.as_view(results_only=True),
            name="search_queries_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchQueriesMenuItem(
        _("Search queries"), reverse("search_queries_report"), name="search-queries", icon_name="search", order=1100
    )
