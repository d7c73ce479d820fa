"""Read side: owned pages with their review status, computed in the database so filters and lists scale."""

from datetime import date, timedelta

from django.db.models import Case, CharField, F, Q, QuerySet, Value, When
from django.utils import timezone

from cms.ownership.models import PageReviewState
from cms.ownership.rules import ReviewStatus

DUE_SOON_DAYS = 14

__all__ = ["DUE_SOON_DAYS", "ReviewStatus", "due_states_for_user", "review_states", "status_expression"]


def status_expression(today: date):
    """SQL CASE giving each state row its status on ``today``."""
    return Case(
        When(owner_unit__isnull=True, official__isnull=True, then=Value(ReviewStatus.NO_OWNER)),
        When(review_due__lt=today, then=Value(ReviewStatus.OVERDUE)),
        When(review_due__lte=today + timedelta(days=DUE_SOON_DAYS), then=Value(ReviewStatus.DUE_SOON)),
        default=Value(ReviewStatus.CURRENT),
        output_field=CharField(),
    )


def review_states(today: date | None = None) -> QuerySet:
    """Every owned page's state with page, unit and official joined and ``status`` annotated."""
    today = today or timezone.localdate()
    return (
        PageReviewState.objects.select_related("page", "page__content_type", "owner_unit", "official")
        .annotate(status=status_expression(today))
        # Soonest due first, pages without a deadline last, on SQLite and PostgreSQL alike.
        .order_by(F("review_due").asc(nulls_last=True), "page__path")
    )


def responsible_filter(user) -> Q:
    """State rows a user answers for: as the named official or as an editor of the owner unit."""
    return Q(official=user) | Q(owner_unit__editors_group__in=user.groups.all())


def due_states_for_user(user, today: date | None = None) -> QuerySet:
    """The user's live pages that are overdue or due within 14 days, soonest first."""
    today = today or timezone.localdate()
    return review_states(today).filter(
        responsible_filter(user), page__live=True, review_due__lte=today + timedelta(days=DUE_SOON_DAYS)
    )
