"""Rich-text page links resolved from the pages a run has already loaded.

Wagtail's PageLinkHandler queries the linked pages for every rich text value it renders; a run renders every
page, so those queries repeat the pages it holds in memory anyway. This handler (registered for the «page» link
type) answers from a run-scoped cache when one is active in the current context, else from the request's cache (the
page being served prefetches its links' targets there, see `cms.core.request_cache`), and behaves exactly like
Wagtail's otherwise — so other threads are unaffected.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from cms.core import request_cache

_run_pages: ContextVar[dict | None] = ContextVar("linkcheck_run_pages", default=None)


class RunCachedPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        cache = _run_pages.get()
        if cache is None:
            # A citizen's request: the targets its page prefetched (cms.core.request_cache), one query per page
            # rather than one per rich text value.
            cache = request_cache.page_link_cache()
        if cache is None:
            return super().get_many(attrs_list)
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        missing = [id_ for id_ in ids if id_ not in cache]
        if missing:
            found = {str(p.id): p for p in Page.objects.filter(id__in=missing).defer_streamfields().specific()}
            cache.update({id_: found.get(id_) for id_ in missing})
        return [cache[id_] for id_ in ids]


@contextmanager
def pages_for_links(pages):
    """While active, rich text links to these (specific) pages cost no query."""
    token = _run_pages.set({str(page.id): page for page in pages})
    try:
        yield
    finally:
        _run_pages.reset(token)
