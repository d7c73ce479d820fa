"""Resolve links to the site itself — pages, documents, images, media and static files — without HTTP."""

import logging
import posixpath
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from .extract import build_request
from .targets import Kind, Target

logger = logging.getLogger(__name__)

FILE_NOT_FOUND = _("file not found")
NO_SITE = _("the page is not under any site")
PAGE_NOT_FOUND = _("page not found or not published")
DOCUMENT_NOT_FOUND = _("document not found")
DOCUMENT_NAME_MISMATCH = _("the document's file name does not match")

WAGTAIL_SERVE_VIEWS = frozenset({"wagtail_serve", "wagtail_serve_preview"})

# What answered a path (stored with each internal link, so incremental runs can re-check it cheaply).
PAGE, FILE, VIEW, REDIRECT, ROUTE, NOTHING, DOCUMENT = "page", "file", "view", "redirect", "route", "none", "doc:"


class Resolved(NamedTuple):
    ok: bool
    detail: str
    page_id: int | None
    basis: str  # one of the constants above; a document's is «doc:<id>/<file name>»


def _routes_itself(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    route = getattr(model, "route", Page.route)
    return model is not None and route is not Page.route and not getattr(route, "same_as_wagtail", False)


def origin(url):
    """(scheme, host, port) of an absolute http(s) URL, the port filled in from the scheme."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return (scheme, (parts.hostname or "").lower(), parts.port or (443 if scheme == "https" else 80))


def netloc(site):
    return f"{site.hostname.lower()}:{site.port}"


class SiteIndex:
    """Everything needed to resolve internal links, loaded once per run in a handful of queries."""

    def __init__(self):
        self.sites = sorted(Site.objects.select_related("root_page"), key=lambda s: -len(s.root_page.url_path))
        # A link is to this installation only when scheme, host and port all match a site's: the same host on
        # another port or scheme (http://localhost:9/, https://site:8443/) is another server, checked as external.
        self.site_by_origin, self.site_by_host = {}, {}
        for site in sorted(self.sites, key=lambda s: not s.is_default_site):
            self.site_by_origin.setdefault(origin(site.root_url), site)
            self.site_by_host.setdefault(netloc(site), site)
            self.site_by_host.setdefault(site.hostname.lower(), site)
        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
        base_site = self.site_by_host.get((urlsplit(base_url).hostname or "").lower())
        if base_site is not None:  # the canonical address (e.g. https behind a proxy) serves that site too
            self.site_by_origin.setdefault(origin(base_url), base_site)
        rows = list(Page.objects.live().values_list("url_path", "id", "content_type_id"))
        self.live_paths = {url_path: page_id for url_path, page_id, _ct in rows}
        # Pages whose type overrides route() (routable pages ...) may answer paths below their own.
        routing_types = {ct for ct in {ct for _p, _i, ct in rows} if _routes_itself(ct)}
        self.routing_paths = {url_path for url_path, _i, ct in rows if ct in routing_types}
        self._documents = None
        self._redirects = None
        self._resolved = {}

    # Pages and their URLs -------------------------------------------------------------------------------

    def site_for_page(self, page):
        return self.site_for_url_path(page.url_path)

    def site_for_url_path(self, url_path):
        for site in self.sites:
            if url_path.startswith(site.root_page.url_path):
                return site
        return None

    def page_url(self, page, site):
        """The page's site-relative URL, e.g. /about/contacts/."""
        return "/" + page.url_path[len(site.root_page.url_path) :]

    def default_site(self):
        return next((s for s in self.sites if s.is_default_site), self.sites[0] if self.sites else None)

    # Classifying hrefs ----------------------------------------------------------------------------------

    def classify(self, href, page_url, site=None):
        """The link's Target: what kind of link it is and what to check. Called once per link of a run.

        A link to another Wagtail site of this installation is internal; its path is written «//host:port/path» so
        that resolve() looks it up in that site.
        """
        href = href.strip()
        if not href:
            return Target(Kind.INTERNAL, page_url)
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme in ("mailto", "tel"):
            return Target(Kind(scheme), href)
        if scheme in ("http", "https"):
            try:
                target_site = self.site_by_origin.get(origin(href))
            except ValueError:  # a port out of range: not an address any server answers
                return Target(Kind.EXTERNAL, href.split("#", 1)[0])
            if target_site is None:
                return Target(Kind.EXTERNAL, href.split("#", 1)[0])
            path = parts.path or "/"
            if site is not None and target_site.id != site.id:
                path = f"//{netloc(target_site)}{path}"
            return Target(Kind.INTERNAL, path, parts.fragment)
        if scheme or href.startswith("//"):
            if href.startswith("//"):
                return self.classify("https:" + href, page_url, site)
            return Target(Kind.SKIP, href)  # javascript:, data:, ftp: ... are not checked
        # A relative reference: resolve it against the page's own URL.
        path = parts.path
        if not path:
            path = page_url
        elif not path.startswith("/"):
            path = posixpath.normpath(posixpath.join(page_url, path)) + ("/" if path.endswith("/") else "")
        return Target(Kind.INTERNAL, path, parts.fragment)

    def is_external(self, href):
        return self.classify(href, "/").kind == Kind.EXTERNAL

    # Resolving internal paths ---------------------------------------------------------------------------

    def resolve(self, path, site):
        """Resolved(ok, detail, page_id, basis) for a site-relative path; page_id is set when it is a live page.

        Each (site, path) is resolved once per index: a run's pages share most of their internal links.
        """
        key = (site.id if site else None, path)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(path, site)
        return self._resolved[key]

    def _resolve(self, path, site):
        if path.startswith("//"):  # on another site of this installation
            host, _slash, rest = path[2:].partition("/")
            site, path = self.site_by_host.get(host, site), "/" + rest
        path = unquote(path)
        media_url, static_url = settings.MEDIA_URL, settings.STATIC_URL
        if media_url and media_url.startswith("/") and path.startswith(media_url):
            name = path[len(media_url) :]
            return Resolved(default_storage.exists(name), FILE_NOT_FOUND, None, FILE)
        if static_url and static_url.startswith("/") and path.startswith(static_url):
            name = path[len(static_url) :]
            return Resolved(bool(finders.find(name)), FILE_NOT_FOUND, None, FILE)
        # Most internal links are live pages: a dictionary look-up, no URL resolving.
        page_id = self._live_page(path, site) if path.endswith("/") else None
        if page_id is not None:
            return Resolved(True, "", page_id, PAGE)
        try:
            match = resolve(path)
        except Resolver404:
            if settings.APPEND_SLASH and not path.endswith("/"):
                return self._resolve(path + "/", site)  # CommonMiddleware redirects there
            return self._redirected(path, site)
        if match.url_name in WAGTAIL_SERVE_VIEWS:
            return self._resolve_page(path, site)
        if match.url_name == "wagtaildocs_serve":
            return self._resolve_document(*match.args)
        return Resolved(True, "", None, VIEW)

    def recheck(self, path, site, basis):
        """Whether a path that resolved through `basis` resolves now, judged without the URL configuration.

        None when only a full resolve() can tell (the path's answer may have moved to another kind of target).
        Incremental runs re-resolve every link of every unchanged page this way: loading the URL configuration
        would cost more than the rest of such a run.
        """
        if path.startswith("//"):
            host, _slash, rest = path[2:].partition("/")
            site, path = self.site_by_host.get(host, site), "/" + rest
        path = unquote(path)
        if basis == FILE:
            return self.resolve(path, site).ok  # storage and static finders: no URL resolving either
        if basis.startswith(DOCUMENT):
            doc_id, _slash, filename = basis[len(DOCUMENT) :].partition("/")
            return self._resolve_document(doc_id, filename).ok
        if basis == VIEW:
            return True  # another view of the site: it answers as long as the code is the same
        is_page = self._live_page(path, site) is not None or self._live_page(path + "/", site) is not None
        if basis == PAGE:
            return True if is_page else None
        redirected = self._redirected(path, site).ok
        if basis == REDIRECT:
            return True if redirected else None
        if basis == NOTHING:
            answered = is_page or redirected or self._below_routing_page(self._url_path(path, site))
            return None if answered else False
        return None  # ROUTE, or a state stored before bases were recorded

    def _url_path(self, path, site):
        return site.root_page.url_path.rstrip("/") + (path if path.endswith("/") else path + "/") if site else path

    def _live_page(self, path, site):
        return self.live_paths.get(site.root_page.url_path.rstrip("/") + path) if site is not None else None

    def _resolve_page(self, path, site):
        if site is None:
            return Resolved(False, NO_SITE, None, NOTHING)
        normalised = path if path.endswith("/") else path + "/"
        page_id = self._live_page(normalised, site)
        if page_id is not None:
            return Resolved(True, "", page_id, PAGE)
        redirected = self._redirected(path, site)
        if redirected.ok:
            return redirected
        url_path = self._url_path(normalised, site)
        if not self._below_routing_page(url_path):
            return Resolved(False, PAGE_NOT_FOUND, None, NOTHING)
        # A routable page may answer a path below its own: ask the page tree.
        try:
            request = build_request(None, site, path)
            result = site.root_page.specific.route(request, [c for c in path.split("/") if c])
        except Http404:
            return Resolved(False, PAGE_NOT_FOUND, None, ROUTE)
        return Resolved(True, "", result[0].id if result else None, ROUTE)

    def _below_routing_page(self, url_path):
        parts = url_path.rstrip("/").split("/")
        return any("/".join(parts[:n]) + "/" in self.routing_paths for n in range(len(parts) - 1, 1, -1))

    def _resolve_document(self, doc_id, filename):
        if self._documents is None:
            self._documents = {
                doc_id: posixpath.basename(name)
                for doc_id, name in get_document_model().objects.values_list("id", "file")
            }
        basis = f"{DOCUMENT}{doc_id}/{filename}"
        stored = self._documents.get(int(doc_id))
        if stored is None:
            return Resolved(False, DOCUMENT_NOT_FOUND, None, basis)
        if filename and filename != stored:
            return Resolved(False, DOCUMENT_NAME_MISMATCH, None, basis)
        return Resolved(True, "", None, basis)

    def _redirected(self, path, site):
        """A path that Wagtail's redirects module answers is not broken."""
        if not apps.is_installed("wagtail.contrib.redirects"):
            return Resolved(False, PAGE_NOT_FOUND, None, NOTHING)
        from wagtail.contrib.redirects.models import Redirect

        if self._redirects is None:
            self._redirects = set(Redirect.objects.values_list("old_path", "site_id"))
        old_path = Redirect.normalise_path(path)
        site_id = site.id if site else None
        if (old_path, site_id) in self._redirects or (old_path, None) in self._redirects:
            return Resolved(True, "", None, REDIRECT)
        return Resolved(False, PAGE_NOT_FOUND, None, NOTHING)
