"""Admin report «Поисковые запросы»: the month's top queries and those that found nothing, with CSV/XLSX export."""

from datetime import date

import django_filters
from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import ZeroResultDailyHits

MONTHS_BACK = 24


def _month_start(offset: int) -> date:
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 - offset
    return date(index // 12, index % 12 + 1, 1)


def month_choices():
    return [
        (_month_start(n).strftime("%Y-%m"), date_format(_month_start(n), "F Y").capitalize())
        for n in range(MONTHS_BACK)
    ]


def month_range(value: str | None) -> tuple[date, date]:
    """[first day, first day of the next month) of ``YYYY-MM``; the current month for anything else."""
    valid = dict(month_choices())
    start = date.fromisoformat(f"{value}-01") if value in valid else _month_start(0)
    index = start.year * 12 + start.month
    return start, date(index // 12, index % 12 + 1, 1)


def _hits_in(model, start, end):
    rows = model.objects.filter(query=OuterRef("pk"), date__gte=start, date__lt=end).values("query")
    return Coalesce(Subquery(rows.annotate(total=Sum("hits")).values("total")[:1]), 0, output_field=IntegerField())


def monthly_queries(month: str | None = None):
    """Queries searched in the month with their searches and zero-result searches, most searched first."""
    start, end = month_range(month)
    return (
        Query.objects.annotate(searches=_hits_in(QueryDailyHits, start, end))
        .annotate(zero_results=_hits_in(ZeroResultDailyHits, start, end))
        .filter(searches__gt=0)
        .order_by("-searches", "query_string")
    )


class SearchQueryFilterSet(WagtailFilterSet):
    month = django_filters.ChoiceFilter(
        label=_("Month"), choices=month_choices, method="keep", empty_label=_("Current month")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=[("top", _("Top queries")), ("zero", _("Zero-result queries"))],
        method="filter_kind",
        empty_label=_("Top queries"),
    )

    class Meta:
        model = Query
        fields = ["month", "kind"]

    def keep(self, queryset, name, value):
        return queryset  # the month chooses the annotation (SearchQueriesReportView.get_queryset)

    def filter_kind(self, queryset, name, value):
        if value == "zero":
            return queryset.filter(zero_results__gt=0).order_by("-zero_results", "query_string")
        return queryset


class SearchQueriesReportView(ReportView):
    page_title = _("Search queries of the month")
    header_icon = "search"
    filterset_class = SearchQueryFilterSet
    index_url_name = "search_queries_report"
    index_results_url_name = "search_queries_report_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    export_filename = "search-queries"
    permission_policy = ModelPermissionPolicy(SearchPromotion)
    any_permission_required = ["add", "change", "delete"]
    columns = [
        Column("query_string", label=_("Query")),
        Column("searches", label=_("Searches this month")),
        Column("zero_results", label=_("Searches that found nothing")),
    ]
    list_export = ["query_string", "searches", "zero_results"]
    export_headings = {
        "query_string": _("Query"),
        "searches": _("Searches this month"),
        "zero_results": _("Searches that found nothing"),
    }

    def get_queryset(self):
        month = self.request.GET.get("month")
        return monthly_queries(month if isinstance(month, str) else None)
