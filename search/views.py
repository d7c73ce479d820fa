"""The citizen search: Wagtail search over the site's live, public pages, with the query log of search_promotions."""

import logging
import unicodedata

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import Q
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10


def clean_query(raw: str) -> str:
    """The query as a citizen meant it: control characters (NUL included) dropped, spaces collapsed, length capped."""
    printable = "".join(" " if unicodedata.category(ch) in {"Cc", "Cf", "Cs"} else ch for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_STRING_LENGTH]


def _site_pages(request):
    pages = Page.objects.live().public()
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages


def promotions_for(query: str, pages):
    """Editors' promoted results for this query: external links, and pages among ``pages`` (live, public)."""
    promoted = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
    promoted = promoted.filter(Q(page__isnull=True) | Q(page__in=pages.values("pk")))
    return list(promoted.select_related("page").order_by("sort_order", "pk"))


def search(request):
    """Show a page of results for ``?q=``; empty or unusable input gets a message, never an error."""
    query = clean_query(request.GET.get("q", ""))
    results_page = None
    promotions = []
    failed = False
    if query:
        pages = _site_pages(request)
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        try:
            results_page = paginator.get_page(request.GET.get("page"))
            results_page.object_list = list(results_page.object_list)
        except DatabaseError:
            # A query the search backend cannot parse must not become a 500 for the citizen.
            logger.warning("Search failed for query %r", query, exc_info=True)
            results_page, failed = None, True
        if "page" not in request.GET:
            # Count each search once, not once per page of results browsed; promotions head the first page only.
            Query.get(query).add_hit()
            promotions = promotions_for(query, pages)
    context = {
        "search_query": query,
        "results": results_page,
        "promotions": promotions,
        "search_failed": failed,
        "query_missing": not query,
    }
    return TemplateResponse(request, "search/search.html", context)
