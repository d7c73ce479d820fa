"""The citizen search page /search/: grouped results, filters, help on zero results; never an error page."""

import unicodedata

from django.template.response import TemplateResponse
from django.utils.http import urlencode
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH

from search import services
from search.analytics import record_search
from search.builtin_sources import site_pages
from search.forms import SearchFilterForm
from search.sources import registered_sources
from search.suggest import did_you_mean

FILTER_PARAMS = ("type", "section", "date_from", "date_to")


def clean_query(raw: str) -> str:
    """The query as a citizen meant it: control characters (NUL included) dropped, spaces collapsed, length capped."""
    printable = "".join(" " if unicodedata.category(ch) in {"Cc", "Cf", "Cs"} else ch for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_STRING_LENGTH]


def _link(query, form, **changes) -> str:
    """A URL of this search with the valid filters kept and ``changes`` applied (None drops a parameter)."""
    params = {"q": query}
    for name in FILTER_PARAMS:
        if form.value(name) is not None:
            params[name] = form.data.get(name)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return "?" + urlencode(params)


def search(request):
    """Show results for ``?q=`` with optional ``type``, ``section``, ``date_from``, ``date_to`` and ``page``."""
    query = clean_query(request.GET.get("q", ""))
    sources = registered_sources()
    all_sections = services.sections(request)
    form = SearchFilterForm(request.GET, sources=sources, sections=all_sections)
    method = services.normaliser_method()
    context = {"search_query": query, "form": form, "query_missing": not query, "no_words": False}
    replay_on_cache_hit = []  # what a whole-page cache hit must still do (cms/pagecache/middleware.py)
    if query and not services.has_words(query):
        context["no_words"] = True
    elif query:
        outcome = services.search_sources(
            request,
            query,
            sources,
            active_key=form.value("type"),
            page_number=request.GET.get("page"),
            section=form.section_page,
            date_from=form.value("date_from"),
            date_to=form.value("date_to"),
        )
        context.update(outcome=outcome, search_failed=outcome.failed)
        if "page" not in request.GET and not outcome.failed:
            # Count each search once, not once per page of results browsed; promotions head the first page only.
            record_search(query, outcome.total)
            replay_on_cache_hit.append(("search.analytics.record_search", (query, outcome.total)))
            context["promotions"] = services.promotions_for(query, site_pages(request))
        if not outcome.total and not outcome.failed:
            suggestion = did_you_mean(query, request, sources, method)
            context["suggestion"] = suggestion
            context["suggestion_url"] = _link(suggestion, form) if suggestion else ""
            context["suggested_sections"] = services.suggested_sections(query, all_sections, method)
        for group in outcome.groups:
            group.all_url = _link(query, form, type=group.source.key)
        if outcome.active and outcome.active.page:
            page = outcome.active.page
            if page.has_previous():
                context["previous_url"] = _link(query, form, page=page.previous_page_number())
            if page.has_next():
                context["next_url"] = _link(query, form, page=page.next_page_number())
    context["filters_active"] = any(form.value(name) for name in FILTER_PARAMS[1:])
    response = TemplateResponse(request, "search/search.html", context)
    response.page_cache_replay = replay_on_cache_hit
    return response
