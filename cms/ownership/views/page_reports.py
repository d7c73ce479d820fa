"""What the suite's page-routed reports share: rows that each belong to one page and its owner unit."""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.snippets.models import ResponsibleUnit


def owner_unit_filter():
    return django_filters.ModelChoiceFilter(
        label=_("Owner unit"), queryset=ResponsibleUnit.objects.all(), empty_label=_("All units")
    )


def page_title_column():
    """The row's page, linked to its editor (rows carry ``page`` and ``page_id``)."""
    return TitleColumn(
        "title",
        label=_("Page"),
        accessor="page.get_admin_display_title",
        get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page_id]),
    )


class PageRowReportView(ReportView):
    """A report for page editors whose rows are routed to pages; querysets limit rows to editable pages."""

    results_template_name = "wagtailadmin/reports/base_report_results.html"
    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()
