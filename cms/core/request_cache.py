"""What one request asks the database for several times, loaded once per request.

A citizen's page asks for the pages' view restrictions in several places (Wagtail's check before serving, the
menu, a rubric's listing, the owner unit's link to the units page), for the units page's address and for the
pages its rich text links to. Inside `request_scope()` (opened by `RequestCacheMiddleware` around every request)
each is loaded once and reused; the scope ends with the request, so nothing needs invalidating and the next
request sees the database as it is. Outside a scope (commands, tasks, the shell) every call asks the database,
exactly as Wagtail does.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q

from transparency_blocks.rich_text import document_links_scope

_scope: ContextVar[dict | None] = ContextVar("cms_request_cache", default=None)


@contextmanager
def request_scope():
    """While active (in this thread or task), `memo` values are computed once and reused."""
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


class RequestCacheMiddleware:
    """Opens a `request_scope()` around the view; Django renders a TemplateResponse inside it (`_get_response`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope(), document_links_scope():
            return self.get_response(request)


def in_scope() -> bool:
    return _scope.get() is not None


def memo(key, compute):
    """``compute()``, once per request scope (every time outside one)."""
    scope = _scope.get()
    if scope is None:
        return compute()
    if key not in scope:
        scope[key] = compute()
    return scope[key]


def view_restrictions() -> list:
    """Every page view restriction with its page (few rows on any site: whole private sections)."""
    from wagtail.models import PageViewRestriction

    return memo("view_restrictions", lambda: list(PageViewRestriction.objects.select_related("page")))


def public(queryset):
    """``queryset.public()``: pages outside every restricted section, the restrictions loaded once per request."""
    if not in_scope():
        return queryset.public()
    private = Q()
    for restriction in view_restrictions():
        private |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return queryset.exclude(private) if private else queryset


def page_link_cache() -> dict | None:
    """The request's rich text link targets by page id (as strings), or None outside a request scope."""
    return memo("page_links", dict) if in_scope() else None


def prefetch_page_links(page_ids) -> None:
    """Load the pages rich text links to (ids from stored rich text) in one query for the request's rendering."""
    cache = page_link_cache()
    missing = {str(page_id) for page_id in page_ids} - set(cache or ())
    if cache is None or not missing:
        return
    from wagtail.models import Page

    # Only the links' addresses are rendered: the pages' own types with their common fields, no table per type.
    found = {str(page.id): page for page in Page.objects.filter(id__in=missing).specific(defer=True)}
    cache.update({page_id: found.get(page_id) for page_id in missing})
