"""One citizen search: every source searched with the same words and filters, grouped, the active group paginated."""

import logging
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import Q
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from cms.core import request_cache
from search.excerpts import excerpt, mark
from search.fanout import side_by_side
from search.text import query_terms, words

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
PREVIEW_PER_GROUP = 3  # results shown of a group that is not the one being browsed


@dataclass
class Hit:
    title: str
    url: str
    excerpt: str


@dataclass
class Group:
    source: object
    count: int
    hits: list[Hit]
    page: PaginatorPage | None = None  # only for the active group

    @property
    def found_text(self):
        return self.source.found_text(self.count)


@dataclass
class Outcome:
    groups: list[Group] = field(default_factory=list)
    active: Group | None = None
    failed: bool = False

    @property
    def total(self):
        return sum(group.count for group in self.groups)


def normaliser_method() -> str:
    return getattr(get_search_backend(), "method", "fold")


def sections(request) -> list[Page]:
    """The site's top-level rubrics: the section filter's choices and the rubrics suggested on zero results."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    children = request_cache.public(site.root_page.get_children().live().in_menu())
    return list(children.only("id", "title", "url_path", "path"))


def _hits(source, rows, request, terms, method) -> list[Hit]:
    rows = source.prepare(list(rows))
    return [
        Hit(
            title=mark(source.title(row), terms, method),
            url=source.url(row, request),
            excerpt=excerpt(source.text(row), terms, method),
        )
        for row in rows
    ]


def search_sources(request, query, sources, *, active_key=None, page_number=None, **filters) -> Outcome:
    method = normaliser_method()
    terms = frozenset(query_terms(query, method))
    outcome = Outcome()
    backend = get_search_backend()
    try:
        searched = []
        for source in sources:
            queryset = source.filtered(request, **filters)
            if queryset is not None:
                searched.append((source, backend.search(query, queryset)))
        # Each count is the source's one big statement (it ranks the first results too): all at once.
        counts = side_by_side([results.count for _source, results in searched])
        found = [(source, results, count) for (source, results), count in zip(searched, counts, strict=True) if count]
        active = next((f for f in found if f[0].key == active_key), found[0] if found else None)
        for source, results, count in found:
            group = Group(source=source, count=count, hits=[])
            if active is not None and source is active[0]:
                group.page = Paginator(results, RESULTS_PER_PAGE).get_page(page_number)
                group.hits = _hits(source, group.page.object_list, request, terms, method)
                outcome.active = group
            else:
                group.hits = _hits(source, results[:PREVIEW_PER_GROUP], request, terms, method)
            outcome.groups.append(group)
    except DatabaseError:
        # A query the search backend cannot parse must not become a 500 for the citizen.
        logger.warning("Search failed for query %r", query, exc_info=True)
        return Outcome(failed=True)
    return outcome


def has_words(query: str) -> bool:
    return bool(words(query))


def promotions_for(query: str, pages):
    """Editors' promoted results for this query: external links, and pages among ``pages`` (live, public)."""
    promoted = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
    promoted = promoted.filter(Q(page__isnull=True) | Q(page__in=pages.values("pk")))
    return list(promoted.select_related("page").order_by("sort_order", "pk"))


def suggested_sections(query: str, all_sections: list[Page], method: str) -> list[Page]:
    """Sections whose titles share a word with the query; all of them when none does."""
    terms = set(query_terms(query, method))
    matching = [page for page in all_sections if terms & set(query_terms(page.title, method))]
    return matching or all_sections
