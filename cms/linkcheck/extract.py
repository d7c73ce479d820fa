"""Render a live page in-process and pull out its links, images and fragment targets."""

import logging
import re
from dataclasses import dataclass, field
from html import unescape

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from . import conf

logger = logging.getLogger(__name__)

_SPACES = re.compile(r"\s+")


@dataclass
class Link:
    """One `<a>`/`<area>` href or `<img>` src as a reader would meet it."""

    kind: str  # "link" or "image"
    href: str
    name: str  # the accessible name (aria-label, text, alt of images inside, title)
    text: str  # the visible text alone
    target: str = ""
    has_alt: bool = True  # images only: the alt attribute is present (or the image is hidden/labelled)


@dataclass
class PageContent:
    page_id: int
    url: str  # the page's own site-relative URL
    links: list = field(default_factory=list)
    anchors: frozenset = frozenset()  # every id/name in the document, for #fragment targets
    error: str = ""


def normalise_space(value):
    return _SPACES.sub(" ", value or "").strip()


_site_settings_cache = {}  # (site id, model) -> settings object, filled per run by prefill_site_settings()


def prefill_site_settings(request, site):
    """Put the site's settings (wagtail.contrib.settings) on the request as for_request() would, loaded once."""
    if site is None or not apps.is_installed("wagtail.contrib.settings"):
        return
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.contrib.settings.registry import registry

    for model in registry:
        if issubclass(model, BaseSiteSetting):
            key = (site.pk, model)
            if key not in _site_settings_cache:
                _site_settings_cache[key] = model.for_site(site)
            setattr(request, model.get_cache_attr_name(), _site_settings_cache[key])


def forget_site_settings():
    """Called at the start of each run, so a run sees the settings as they are now."""
    _site_settings_cache.clear()


def build_request(page, site, path):
    """A GET request for `path` on `site`, as an anonymous reader would send it."""
    hostname = site.hostname if site else "localhost"
    port = site.port if site else 80
    request = RequestFactory().get(path, HTTP_HOST=hostname if port in (80, 443) else f"{hostname}:{port}")
    request.META["SERVER_PORT"] = str(port)
    request.user = AnonymousUser()
    request._wagtail_site = site  # what Site.find_for_request caches, saving its query
    prefill_site_settings(request, site)
    return request


def render_page(page, site, path):
    """The page's HTML, rendered by its own serve() — no HTTP request to the site."""
    specific = page.specific
    request = build_request(specific, site, path)
    # As Wagtail's serve view does: route() picks a routable page's index view and its arguments.
    route = specific.route(request, [])
    response = route.page.serve(request, *route.args, **route.kwargs)
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    if response.status_code >= 400:
        raise ValueError(f"serve() answered {response.status_code}")
    if response.status_code in (301, 302, 303, 307, 308):
        # A page that redirects (e.g. to an external site) has no links of its own to check.
        return ""
    return response.content.decode(response.charset or "utf-8", errors="replace")


def accessible_name(element, soup):
    """A simplified accessible name: aria-labelledby, aria-label, text and image alts, then title."""
    labelledby = element.get("aria-labelledby")
    if labelledby:
        parts = [soup.find(id=ref) for ref in labelledby.split()]
        label = normalise_space(" ".join(p.get_text(" ") for p in parts if p is not None))
        if label:
            return label
    label = normalise_space(element.get("aria-label"))
    if label:
        return label
    pieces = []
    # Looking up every text node's ancestors is costly; it is only needed when something inside is hidden.
    has_hidden = element.find(attrs={"aria-hidden": "true"}) is not None
    for node in element.descendants:
        if isinstance(node, str):
            if node.parent is not None and node.parent.name in ("script", "style"):
                continue
            if has_hidden and any(
                getattr(p, "get", lambda *_: None)("aria-hidden") == "true" for p in node.parents if p is not element
            ):
                continue
            pieces.append(str(node))
        elif node.name == "img" and node.get("aria-hidden") != "true":
            pieces.append(node.get("aria-label") or node.get("alt") or "")
    name = normalise_space(" ".join(pieces))
    return name or normalise_space(element.get("title"))


_ID = re.compile(r"""<[a-z][^>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_A_NAME = re.compile(r"""<a\b[^>]*?\sname\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SIMPLE_TAG = re.compile(r"[a-z][a-z0-9]*")


def find_anchors(html):
    """Every id (and <a name>) in the document: the targets a #fragment may point at."""
    return frozenset(unescape(a or b) for pattern in (_ID, _A_NAME) for a, b in pattern.findall(html) if (a or b))


def parse(markup):
    """BeautifulSoup with the lxml parser; bs4 is imported on first use, as runs with nothing to render skip it."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(markup, "lxml")


def content_soup(html, selector):
    """The content area as a soup. For a plain tag name (the default, «main») only that part is parsed,
    which saves most of the parsing; any other CSS selector is applied to the whole document."""
    if selector and _SIMPLE_TAG.fullmatch(selector):
        match = re.search(rf"<{selector}\b.*</{selector}\s*>", html, re.IGNORECASE | re.DOTALL)
        if match:
            soup = parse(match.group(0))
            return soup, soup.find(selector) or soup
    soup = parse(html)
    return soup, (soup.select_one(selector) if selector else None) or soup.body or soup


def extract(html, page_id=0, url=""):
    """Links and images inside the content area (LINKCHECK_CONTENT_SELECTOR), anchors from the whole document."""
    anchors = find_anchors(html)
    soup, scope = content_soup(html, conf.get("LINKCHECK_CONTENT_SELECTOR"))
    links = []
    for tag in scope.find_all(["a", "area", "img"]):
        if tag.name == "img":
            src = (tag.get("src") or "").strip()
            labelled = bool(tag.get("aria-label") or tag.get("aria-labelledby"))
            hidden = tag.get("aria-hidden") == "true" or tag.get("role") in ("presentation", "none")
            links.append(
                Link(
                    kind="image",
                    href=src,
                    name=normalise_space(tag.get("alt") or tag.get("aria-label")),
                    text="",
                    has_alt=tag.has_attr("alt") or labelled or hidden,
                )
            )
            continue
        if not tag.has_attr("href"):
            continue
        if (
            tag.name == "a"
            and tag.get("aria-labelledby")
            and not all(soup.find(id=ref) for ref in tag["aria-labelledby"].split())
        ):
            soup = parse(html)  # the label lies outside the content area: look in the whole page
        name = (
            accessible_name(tag, soup) if tag.name == "a" else normalise_space(tag.get("alt") or tag.get("aria-label"))
        )
        links.append(
            Link(
                kind="link",
                href=tag["href"].strip(),
                name=name,
                text=normalise_space(tag.get_text(" ")),
                target=(tag.get("target") or "").strip(),
            )
        )
    return PageContent(page_id=page_id, url=url, links=links, anchors=anchors)
