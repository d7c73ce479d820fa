"""Read side of the findings: who sees which, in which order."""

from django.db.models import Case, F, IntegerField, Q, Value, When
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.snippets.models import ResponsibleUnit

from .models import LinkFinding, Severity

SEVERITY_RANK = Case(
    When(severity=Severity.ERROR, then=Value(0)),
    When(severity=Severity.WARNING, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def units_of(user):
    """The units whose editors group the user belongs to."""
    return ResponsibleUnit.objects.filter(editors_group__in=user.groups.all())


def findings_for_report(user):
    """Findings on pages the user may change or publish (all for superusers), joined for listing."""
    queryset = LinkFinding.objects.select_related("page", "owner_unit").annotate(severity_rank=SEVERITY_RANK)
    if not user.is_superuser:
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
        queryset = queryset.filter(page__in=editable.values("pk"))
    # Open findings (resolved_at NULL) first on every database: PostgreSQL sorts NULLs last by default.
    return queryset.order_by(F("resolved_at").desc(nulls_first=True), "severity_rank", "page__path", "id")


def open_findings_for_user(user):
    """Open findings routed to the user's units; a superuser without units sees every open finding."""
    queryset = LinkFinding.objects.open().select_related("page", "owner_unit").annotate(severity_rank=SEVERITY_RANK)
    if user.is_superuser and not units_of(user).exists():
        return queryset.order_by("severity_rank", "page__path", "id")
    return queryset.filter(Q(owner_unit__in=units_of(user))).order_by("severity_rank", "page__path", "id")


def open_findings_for_page(page_id):
    return (
        LinkFinding.objects.open()
        .filter(page_id=page_id)
        .annotate(severity_rank=SEVERITY_RANK)
        .order_by("severity_rank", "id")
    )
