"""Report «Сроки актуализации»: every owned page and entry with its owner, rule, last review, due date, status."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from cms.ownership.models import Ownership
from cms.ownership.owned_types import owned_entry_models, owned_page_models
from cms.ownership.queries import live_filter, prefetch_owned_objects, records_answered_by, review_records
from cms.ownership.rules import ReviewStatus
from cms.ownership.views.page_reports import PageRowReportView, owner_unit_filter


def owned_content_types(request=None):
    models = owned_page_models() + owned_entry_models()
    return ContentType.objects.filter(pk__in=[ct.pk for ct in ContentType.objects.get_for_models(*models).values()])


class ReviewReportFilterSet(WagtailFilterSet):
    owner_unit = owner_unit_filter()
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ReviewStatus.choices, method="filter_status")
    content_type = ContentTypeFilter(label=_("Type"), field_name="content_type", queryset=owned_content_types)

    class Meta:
        model = Ownership
        fields = ["owner_unit", "status", "content_type"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(status=value) if value else queryset


class StatusColumn(Column):
    cell_template_name = "ownership/report/status_cell.html"


class MarkReviewedColumn(Column):
    """A POST button per row; rows are limited to pages the user may edit, and the view checks again."""

    cell_template_name = "ownership/report/mark_reviewed_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request is not None else ""
        context["next_url"] = request.get_full_path() if request is not None else ""
        return context


class ReviewReportView(PageRowReportView):
    page_title = _("Review deadlines")
    header_icon = "calendar-alt"
    filterset_class = ReviewReportFilterSet
    index_url_name = "ownership:review_report"
    index_results_url_name = "ownership:review_report_results"
    export_filename = "review-deadlines"
    columns = [
        TitleColumn("title", label=_("Page or entry"), get_url=lambda record: record.admin_edit_url),
        Column("unit_name", label=_("Owner unit")),
        Column("official_name", label=_("Official")),
        Column("rule_summary", label=_("Review rule")),
        DateColumn("last_reviewed_at", label=_("Last review")),
        Column("due_display", label=_("Due")),
        StatusColumn("status_label", label=_("Status")),
        Column("pending_reason", label=pgettext_lazy("review deadline", "Reason")),
        Column("page_type", label=_("Type")),
        MarkReviewedColumn("mark_reviewed", label=""),
    ]
    list_export = [
        "title",
        "unit_name",
        "official_name",
        "rule_summary",
        "last_reviewed_on",
        "review_due",
        "status_label",
        "pending_reason",
        "page_type",
        "page.url_path",
    ]
    export_headings = {
        "title": _("Page or entry"),
        "unit_name": _("Owner unit"),
        "official_name": _("Official"),
        "rule_summary": _("Review rule"),
        "last_reviewed_on": _("Last review"),
        "review_due": _("Due"),
        "status_label": _("Status"),
        "pending_reason": pgettext_lazy("review deadline", "Reason"),
        "page_type": _("Type"),
        "page.url_path": _("Path"),
    }

    def user_has_any_permission(self, permissions):
        # Whoever answers for something may see the report, page permissions or not (a named official).
        if super().user_has_any_permission(permissions):
            return True
        return records_answered_by(self.request.user).exists()

    def get_queryset(self):
        queryset = review_records(timezone.localdate()).filter(live_filter())
        user = self.request.user
        if not user.is_superuser:
            # What the user answers for, plus what they may edit (an editor may keep another unit's page current).
            editable = self.permission_policy.instances_user_has_any_permission_for(user, ["change", "publish"])
            queryset = queryset.filter(Q(pk__in=records_answered_by(user)) | Q(page__in=editable.values("pk")))
        return queryset

    def decorate_paginated_queryset(self, object_list):
        return prefetch_owned_objects(list(object_list))
