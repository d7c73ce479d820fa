"""Report «Проверка ссылок»: findings with filters by unit, rule, severity and status, CSV/XLSX export."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn

from cms.ownership.views.page_reports import PageRowReportView, owner_unit_filter, page_title_column

from .models import LinkFinding, Severity
from .queries import findings_for_report
from .rules import rule_choices

STATUS_CHOICES = [("open", _("open")), ("resolved", _("resolved"))]


class FindingFilterSet(WagtailFilterSet):
    owner_unit = owner_unit_filter()
    rule = django_filters.ChoiceFilter(label=_("Rule"), choices=rule_choices)
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


class LinkReportView(PageRowReportView):
    page_title = _("Link check")
    header_icon = "link"
    filterset_class = FindingFilterSet
    index_url_name = "linkcheck:report"
    index_results_url_name = "linkcheck:report_results"
    export_filename = "link-findings"
    columns = [
        page_title_column(),
        Column("unit_name", label=_("Owner unit")),
        Column("rule_title", label=_("Rule")),
        SeverityColumn("severity", label=_("Severity"), accessor="get_severity_display"),
        Column("link_text", label=_("Link text")),
        Column("url", label=_("Link")),
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
