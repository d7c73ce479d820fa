"""Public lists of the councils' registries: rows of live, unrestricted council pages only.

Each function returns a queryset whose cost does not depend on the number of rows (joins and prefetches), so the
council page and the calendar render in a constant number of queries.
"""

from datetime import datetime, timedelta

from django.db.models import Prefetch

from .models.activity import DraftAct, FormationNotice, FormationNoticeDocument, Publication
from .models.people import on_date_q
from .models.registry import CouncilMember, CouncilStatute, Meeting, WorkPlan


def public_councils():
    """Council pages a citizen may see: live and without view restrictions, in the editors' order."""
    from .models.pages import CouncilPage

    return CouncilPage.objects.live().public().order_by("path")


def _entries(model, council=None):
    rows = model.objects.select_related("council")
    if council is not None:
        return rows.filter(council=council)
    return rows.filter(council__in=public_councils().values("pk"))


def members_on(day, council=None):
    """The composition on ``day``: chair, deputy, secretary, members; across councils grouped by council."""
    rows = _entries(CouncilMember, council).filter(on_date_q(day))
    return rows.order_by("council__path", "role", "full_name")


def member_history(council):
    return _entries(CouncilMember, council).order_by("-term_start", "role", "full_name")


def statutes(council=None):
    return _entries(CouncilStatute, council).select_related("document").order_by("council__path", "-approval_date")


def plans(council=None):
    return _entries(WorkPlan, council).select_related("document").order_by("-year", "council__path", "-approval_date")


def upcoming_meetings(now: datetime, council=None):
    return _entries(Meeting, council).select_related("protocol").filter(starts_at__gte=now).order_by("starts_at")


def past_meetings(now: datetime, council=None):
    return _entries(Meeting, council).select_related("protocol").filter(starts_at__lt=now).order_by("-starts_at")


def next_meeting_move(now: datetime) -> datetime | None:
    """The moment the next meeting leaves «upcoming» for «past» (just after it starts): cached pages expire then."""
    starts = Meeting.objects.filter(starts_at__gte=now).order_by("starts_at").values_list("starts_at", flat=True)
    first = starts.first()
    return first + timedelta(microseconds=1) if first else None


def notices(council=None):
    documents = Prefetch(
        "documents", queryset=FormationNoticeDocument.objects.select_related("document").order_by("sort_order")
    )
    return _entries(FormationNotice, council).prefetch_related(documents).order_by("-procedure_start")


def publications(council=None, kind=None):
    rows = _entries(Publication, council).select_related("document", "page")
    if kind:
        rows = rows.filter(kind=kind)
    return rows.order_by("-published_on", "-pk")


def draft_acts(council=None):
    return _entries(DraftAct, council).select_related("document", "opinion_document").order_by("-submitted_on")


def composition_change_dates(council, limit: int = 20) -> list:
    """Days the council's composition changed (a term began, or the day after one ended), latest first."""
    from datetime import timedelta

    days = set()
    for start, end in CouncilMember.objects.filter(council=council).values_list("term_start", "term_end"):
        days.add(start)
        if end is not None:
            days.add(end + timedelta(days=1))
    return sorted(days, reverse=True)[:limit]
