"""Report «Проверка ссылок»: findings with filters by unit, rule, severity and status, CSV/XLSX export."""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.snippets.models import ResponsibleUnit

from .models import LinkFinding, Severity
from .queries import findings_for_report
from .verdicts import kind_choices

STATUS_CHOICES = [("open", _("open")), ("resolved", _("resolved"))]


class FindingFilterSet(WagtailFilterSet):
    owner_unit = django_filters.ModelChoiceFilter(
        label=_("Owner unit"), queryset=ResponsibleUnit.objects.all(), empty_label=_("All units")
    )
    rule = django_filters.ChoiceFilter(label=_("Rule"), choices=kind_choices)
    severity = django_filters.ChoiceFilter(label=_("Severity"), choices=Severity.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, method="filter_status")
    page = django_filters.NumberFilter(label=_("Page ID"), field_name="page_id")

    class Meta:
        model = LinkFinding
        fields = ["owner_unit", "rule", "severity", "status", "page"]

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(resolved_at__isnull=True)
        if value == "resolved":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


class SeverityColumn(Column):
    cell_template_name = "linkcheck/report/severity_cell.html"


class LinkReportView(ReportView):
    """For page editors; get_queryset limits the rows to pages the user may change or publish."""

    results_template_name = "wagtailadmin/reports/base_report_results.html"
    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()
    page_title = _("Link check")
    header_icon = "link"
    filterset_class = FindingFilterSet
    index_url_name = "linkcheck:report"
    index_results_url_name = "linkcheck:report_results"
    export_filename = "link-findings"
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            accessor="page.get_admin_display_title",
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page_id]),
        ),
        Column("unit_name", label=_("Owner unit")),
        Column("rule_title", label=_("Rule")),
        SeverityColumn("severity", label=_("Severity"), accessor="get_severity_display"),
        Column("link_text", label=_("Link text")),
        Column("url", label=_("Link"), classname="cms-address"),
        Column("message", label=_("Details")),
        Column("fix", label=_("How to fix")),
        DateColumn("first_seen", label=_("First seen")),
        DateColumn("last_seen", label=_("Last seen")),
        Column("status_label", label=_("Status")),
    ]
    list_export = [
        "page.title",
        "page.url_path",
        "owner_unit",
        "rule",
        "rule_title",
        "severity",
        "link_text",
        "url",
        "message",
        "explanation",
        "fix",
        "first_seen",
        "last_seen",
        "resolved_at",
    ]
    export_headings = {
        "page.title": _("Page"),
        "page.url_path": _("Path"),
        "owner_unit": _("Owner unit"),
        "rule": _("Rule ID"),
        "rule_title": _("Rule"),
        "severity": _("Severity"),
        "link_text": _("Link text"),
        "url": _("Link"),
        "message": _("Details"),
        "explanation": _("Why it matters"),
        "fix": _("How to fix"),
        "first_seen": _("First seen"),
        "last_seen": _("Last seen"),
        "resolved_at": _("Resolved at"),
    }

    def get_queryset(self):
        return findings_for_report(self.request.user)
