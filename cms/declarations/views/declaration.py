"""What a declaration page shows: indicators by goal with plan against actual, the chart, reports, other years."""

from cms.declarations.chart import build_chart
from cms.declarations.views.discussion import discussion_context


def indicator_groups(indicators) -> list[dict]:
    """Indicators in order, grouped under their goal (consecutive indicators of one goal share a group)."""
    groups = []
    for indicator in indicators:
        if not groups or groups[-1]["goal"] != indicator.goal:
            groups.append({"goal": indicator.goal, "indicators": []})
        groups[-1]["indicators"].append({"indicator": indicator, "rows": indicator.rows()})
    return groups


def other_years(page, request) -> list[dict]:
    """Every live declaration under the same index, newest first, for browsing earlier years."""
    from cms.declarations.models import DeclarationPage

    parent = page.get_parent()
    siblings = DeclarationPage.objects.child_of(parent).live().public().order_by("-year")
    return [{"year": s.year, "url": s.get_url(request), "current": s.pk == page.pk} for s in siblings]


def declaration_context(page, request) -> dict:
    indicators = list(page.indicators.all())
    numbered = list(enumerate(indicators, start=1))
    return {
        "indicator_groups": indicator_groups(indicators),
        "numbered_indicators": numbered,
        "chart": build_chart(indicators, page.year) if indicators else None,
        "reports": list(page.reports.select_related("document").order_by("published_on", "sort_order")),
        "years": other_years(page, request),
        **discussion_context(page, request),
    }
