"""The main menu and the breadcrumb trail, optionally shared between the pages of one batch render.

A citizen's request costs the menu one query; the breadcrumbs reuse the ancestors the page's routing read. A batch
that renders every page in one go (the link checker renders the whole site in-process) would repeat the same menu
and mostly the same ancestors thousands of times: inside `shared_navigation()` each is loaded once per batch, then
reused. The batch is short and reads a consistent tree, so nothing there needs invalidating; outside it nothing is
shared, so the public site always shows the tree as it is.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from wagtail.models import Page

from cms.core import request_cache

_shared: ContextVar[dict | None] = ContextVar("pages_shared_navigation", default=None)


@dataclass(frozen=True)
class MenuItem:
    pk: int
    path: str
    title: str
    url: str


@contextmanager
def shared_navigation():
    """While active (in this thread or task), menus and breadcrumb ancestors are loaded once and reused."""
    token = _shared.set({"menus": {}, "ancestors": {}})
    try:
        yield
    finally:
        _shared.reset(token)


def _site_key(request):
    site = getattr(request, "_wagtail_site", None)
    return site.pk if site is not None else None


def menu_items(root, request) -> list[MenuItem]:
    """The root's live, public children shown in menus, in tree order."""
    shared = _shared.get()
    key = (root.pk, _site_key(request))
    if shared is not None and key in shared["menus"]:
        return shared["menus"][key]
    items = [
        MenuItem(child.pk, child.path, child.title, child.get_url(request))
        for child in request_cache.public(root.get_children().live().in_menu())
    ]
    if shared is not None:
        shared["menus"][key] = items
    return items


def ancestor_trail(page, root, request) -> list[tuple[str, str]]:
    """(title, url) of the page's ancestors from the site root down, the page itself excluded."""
    routed = getattr(page, "_route_ancestors", None)  # read by the page's own routing (ContentPage.route)
    if routed and routed[0].pk == root.pk:
        return [(a.title, a.get_url(request)) for a in routed]
    shared = _shared.get()
    if shared is None:
        ancestors = page.get_ancestors().filter(depth__gte=root.depth)
        return [(a.title, a.get_url(request)) for a in ancestors]
    known = shared["ancestors"]
    site_key = _site_key(request)
    paths = [page.path[: depth * Page.steplen] for depth in range(root.depth, page.depth)]
    missing = [path for path in paths if (site_key, path) not in known]
    if missing:
        for ancestor in Page.objects.filter(path__in=missing):
            known[(site_key, ancestor.path)] = (ancestor.title, ancestor.get_url(request))
    return [known[(site_key, path)] for path in paths if (site_key, path) in known]
