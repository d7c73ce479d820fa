"""Read side of the findings: who sees which, in which order."""

from django.db.models import Case, F, IntegerField, Value, When
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.ownership import api as ownership

from .models import LinkFinding, Severity

SEVERITY_RANK = Case(
    When(severity=Severity.ERROR, then=Value(0)),
    When(severity=Severity.WARNING, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def findings_for_report(user):
    """Findings on pages the user may change or publish (all for superusers), joined for listing."""
    queryset = LinkFinding.objects.select_related("page", "owner_unit").annotate(severity_rank=SEVERITY_RANK)
    if not user.is_superuser:
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
        queryset = queryset.filter(page__in=editable.values("pk"))
    # Open findings (resolved_at NULL) first on every database: PostgreSQL sorts NULLs last by default.
    return queryset.order_by(F("resolved_at").desc(nulls_first=True), "severity_rank", "page__path", "id")


def open_findings_for_user(user):
    """Open findings on the pages the user answers for (ownership's one definition); a superuser who answers for
    nothing sees every open finding."""
    queryset = LinkFinding.objects.open().select_related("page", "owner_unit").annotate(severity_rank=SEVERITY_RANK)
    answered = ownership.pages_answered_by(user)
    if user.is_superuser and not answered.exists():
        return queryset.order_by("severity_rank", "page__path", "id")
    return queryset.filter(page__in=answered.values("pk")).order_by("severity_rank", "page__path", "id")


def open_findings_for_page(page_id):
    return (
        LinkFinding.objects.open()
        .filter(page_id=page_id)
        .annotate(severity_rank=SEVERITY_RANK)
        .order_by("severity_rank", "id")
    )
