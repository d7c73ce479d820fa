"""What the citizen search looks through: pages, documents, and whatever areas add with ``register_search_sources``.

A source is one index.Indexed model whose public rows the search may show. Areas register theirs in their
``wagtail_hooks.py`` (docs/search.md)::

    @hooks.register("register_search_sources")
    def faq_source():
        return SearchSource(key="faq", label=_("Questions and answers"), queryset=public_entries, ...)

The queryset callable is the privacy boundary: it gets the request and returns only rows any citizen may see.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelsearch.index import SearchField
from wagtail import hooks
from wagtail.models import Page


def indexed_text(obj: Model) -> str:
    """The words the index holds for ``obj`` besides its title: its own SearchFields, tags stripped."""
    parts = []
    for search_field in obj.get_search_fields():
        if isinstance(search_field, SearchField) and search_field.field_name != "title":
            value = search_field.get_value(obj)
            if isinstance(value, list | tuple):
                value = " ".join(str(item) for item in value)
            if value:
                parts.append(strip_tags(str(value)))
    return " ".join(parts)


@dataclass(frozen=True)
class SearchSource:
    """One kind of result. Callables get the request (``queryset``) or one row (the others)."""

    key: str  # URL-safe, unique: the ``type`` filter of /search/
    label: str  # the group's heading, plural («Документы»)
    queryset: Callable[[HttpRequest], QuerySet]  # the public rows; the model must be index.Indexed
    url: Callable[[Model, HttpRequest], str]
    title: Callable[[Model], str] = str
    text: Callable[[Model], str] = indexed_text  # where the excerpt comes from
    # A FilterField name of the model holding a date or datetime, for «from / to»; None: the source ignores dates.
    date_field: str | None = None
    # Rows that belong to a section (a top-level rubric page); None: the source is left out when one is chosen.
    in_section: Callable[[QuerySet, Page], QuerySet] | None = None
    # «Found 3 documents.»: the status line of the group (defaults to the label and the count).
    found: Callable[[int], str] | None = None
    prepare: Callable[[list], list] = field(default=lambda rows: rows)  # e.g. .specific() for a page of rows
    order: int = 100  # groups are shown by this order

    def found_text(self, count: int) -> str:
        if self.found is not None:
            return self.found(count)
        return _("%(label)s: %(count)d.") % {"label": self.label, "count": count}

    def filtered(self, request, *, section=None, date_from=None, date_to=None) -> QuerySet | None:
        """The public rows narrowed by the filters; None when a section is chosen and the source has none."""
        queryset = self.queryset(request)
        if section is not None:
            if self.in_section is None:
                return None
            queryset = self.in_section(queryset, section)
        if self.date_field and date_from:
            queryset = queryset.filter(**{f"{self.date_field}__gte": _start_of(date_from)})
        if self.date_field and date_to:
            queryset = queryset.filter(**{f"{self.date_field}__lt": _start_of(date_to, next_day=True)})
        return queryset


def _start_of(day: date, *, next_day=False) -> datetime:
    if next_day:
        day = date.fromordinal(day.toordinal() + 1)
    return timezone.make_aware(datetime.combine(day, time.min))


def registered_sources() -> list[SearchSource]:
    """Pages and documents first, then every source areas registered, by ``order``; duplicate keys: first wins."""
    from search.builtin_sources import document_source, page_source

    sources = {}
    for source in [page_source(), document_source()] + [fn() for fn in hooks.get_hooks("register_search_sources")]:
        # Areas sit below ``search`` in the layers and cannot import SearchSource: they may return its fields.
        source = SearchSource(**source) if isinstance(source, dict) else source
        sources.setdefault(source.key, source)
    return sorted(sources.values(), key=lambda source: source.order)


def page_found(count: int) -> str:
    return ngettext("Found %(count)d page.", "Found %(count)d pages.", count) % {"count": count}


def document_found(count: int) -> str:
    return ngettext("Found %(count)d document.", "Found %(count)d documents.", count) % {"count": count}
