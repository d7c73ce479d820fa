"""Who is who across terms: one person's rows are matched by a normalised name."""

import re
from datetime import date

from django.db.models import Q


def name_key(full_name: str) -> str:
    """«Иванова  Анна Ёжиковна» and «иванова анна ежиковна» are the same person (case, ё, spacing ignored)."""
    return re.sub(r"\s+", " ", (full_name or "").strip()).casefold().replace("ё", "е")


def on_date_q(day: date, prefix: str = "") -> Q:
    """Terms that include ``day`` (both ends inclusive; an open end lasts)."""
    return Q(**{f"{prefix}term_start__lte": day}) & (
        Q(**{f"{prefix}term_end__isnull": True}) | Q(**{f"{prefix}term_end__gte": day})
    )


def overlapping(queryset, start: date, end: date | None):
    """The first row of ``queryset`` whose term shares a day with [start, end] (``end`` None: open), or None."""
    rows = queryset.filter(Q(term_end__isnull=True) | Q(term_end__gte=start))
    if end is not None:
        rows = rows.filter(term_start__lte=end)
    return rows.order_by("term_start").first()
