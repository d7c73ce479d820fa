"""Orchestrate a run: choose pages, render and extract, resolve internal links, fetch external ones, store results."""

import logging
import time
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.pages.navigation import shared_navigation

from . import conf, selection, urlcache
from .extract import PageContent, extract, forget_site_settings, render_page
from .findings import Found, sync_findings
from .internal import SiteIndex
from .linksyntax import check_mailto, check_tel
from .models import BROKEN_STATUSES, CheckRun, LinkFinding, PageCheckState, Severity, UrlStatus
from .pagelinks import pages_for_links
from .prefeed import external_hrefs
from .rules import apply_rules

logger = logging.getLogger(__name__)

BATCH = 200
FEED_BATCH = 200  # new external URLs handed to the fetcher at a time (one cache query each)


def describe_result(result):
    """«broken (HTTP error): HTTP 404» — the translated status, then the technical detail."""
    label = str(UrlStatus(result.status).label)
    return f"{label}: {result.error}" if result.error else label


@dataclass
class Summary:
    pages: int = 0
    links: int = 0
    urls_fetched: int = 0
    broken: int = 0
    unchecked: int = 0
    findings_new: int = 0
    findings_resolved: int = 0
    render_errors: int = 0
    seconds: float = 0.0
    run_id: int | None = None
    broken_urls: list = field(default_factory=list)


class Runner:
    def __init__(self, *, external=True, dry_run=False, refresh=False, progress=None, http_options=None):
        self.external = external
        self.dry_run = dry_run
        self.refresh = refresh
        self.progress = progress or (lambda phase, done, total: None)
        self.http_options = http_options or conf.HttpOptions.from_settings()
        self.index = SiteIndex()
        forget_site_settings()
        self.contents = {}  # page_id -> PageContent
        self.sites = {}  # page_id -> Site
        self.owners = {}  # page_id -> owner unit id
        self.path_cache = {}  # (site id, path) -> internal.Resolved: each internal path is resolved once
        self.anchor_cache = {}  # page_id -> anchors, for #fragment targets on other pages
        self.now = timezone.now()
        self.fetcher = None  # a ProcessChecker or BackgroundChecker while pages are rendered
        self.seen_urls, self.new_urls = set(), []
        self.fetched_count = 0

    # Phases -------------------------------------------------------------------------------------------------

    def render_all(self, pages):
        for number, page in enumerate(pages, 1):
            # Routing: the owner unit at check time (any page type works; one without an owner stays unrouted).
            self.owners[page.id] = getattr(page, "owner_unit_id", None)
            self.contents[page.id] = self.render(page)
            self.progress("render", number, len(pages))
        return pages

    def render(self, page, feed=True):
        site = self.index.site_for_page(page)
        if site is None:
            return PageContent(page.id, "", error="the page is not under any site")
        url = self.index.page_url(page, site)
        self.sites[page.id] = site
        try:
            html = render_page(page, site, url)
        except Exception as exc:  # a broken template must not stop the run; it becomes a finding
            logger.warning("Rendering page %s failed: %s", page.id, exc)
            return PageContent(page.id, url, error=f"{type(exc).__name__}: {exc}"[:500])
        content = extract(html, page.id, url)
        self.anchor_cache[page.id] = content.anchors
        if feed and self.fetcher is not None:
            self._feed(content)
        return content

    def _feed(self, content):
        """Hand the page's external URLs to the background checker while rendering goes on."""
        for link in content.links:
            kind, target, *_rest = self.index.classify(link.href, content.url, self.sites.get(content.page_id))
            if kind == "external" and target not in self.seen_urls:
                self.seen_urls.add(target)
                self.new_urls.append(target)
        if len(self.new_urls) >= FEED_BATCH:
            self._flush()

    def prefeed(self, pages):
        """Before rendering, hand the fetcher the external hrefs already visible in the stored content."""
        if self.fetcher is None:
            return
        for page in pages:
            site = self.index.site_for_page(page)
            for href in external_hrefs(page):
                if href not in self.seen_urls and self.index.classify(href, "/", site)[0] == "external":
                    self.seen_urls.add(href)
                    self.new_urls.append(href)
        self._flush()

    def _flush(self):
        if self.new_urls:
            expired = set(self.new_urls) if self.refresh else urlcache.expired(self.new_urls, self.now)
            self.fetcher.submit(sorted(expired))
            self.new_urls = []

    def anchors_of(self, page_id):
        if page_id not in self.anchor_cache:
            page = Page.objects.filter(id=page_id).first()
            self.anchor_cache[page_id] = self.render(page.specific, feed=False).anchors if page else frozenset()
        return self.anchor_cache[page_id]

    def resolve_links(self):
        """Per page: [(link, kind, target, ok|None, detail)]; external targets are collected for fetching."""
        resolved, external_urls, cache = {}, set(), self.path_cache
        for page_id, content in self.contents.items():
            site = self.sites.get(page_id)
            rows = []
            for link in content.links:
                kind, target, *rest = self.index.classify(link.href, content.url, site)
                if kind == "external":
                    external_urls.add(target)
                    rows.append((link, kind, target, None, ""))
                elif kind == "internal":
                    rows.append((link, kind, target, *self._resolve_internal(target, rest[0], content, site, cache)))
                elif kind == "mailto":
                    rows.append((link, kind, target, *check_mailto(target)))
                elif kind == "tel":
                    rows.append((link, kind, target, *check_tel(target)))
            resolved[page_id] = rows
        return resolved, external_urls

    def _resolve_internal(self, path, fragment, content, site, cache):
        key = (site.id if site else None, path)
        if key not in cache:
            cache[key] = self.index.resolve(path, site)
        ok, detail, page_id, _basis = cache[key]
        if not ok:
            return (False, detail)
        if fragment and fragment != "top":
            anchors = content.anchors if page_id == content.page_id else (self.anchors_of(page_id) if page_id else None)
            if anchors is not None and fragment not in anchors:
                return (False, _("no element with id «%(id)s» on the target page") % {"id": fragment})
        return (True, "")

    def fetch(self, urls):
        """Fetch URLs now (not in the background) and cache the results."""
        from .external import check_urls  # aiohttp is imported only by runs that fetch

        results = check_urls(sorted(urls), self.http_options, self._fetch_progress)
        self._save(results)
        return results

    def _save(self, results):
        self.fetched_count += len(results)
        if not self.dry_run:
            urlcache.save(results, self.now)

    def start_fetcher(self, page_count):
        from .external import BackgroundChecker  # aiohttp is imported only by runs that fetch
        from .fetchproc import ProcessChecker

        if self.external:
            # A child process pays off when rendering is long enough to fight the fetching over the GIL; for a few
            # pages (a page just published) its start-up, about 0.3 s, would be most of the run.
            if conf.get("LINKCHECK_FETCH_IN_SUBPROCESS") and page_count >= conf.get("LINKCHECK_SUBPROCESS_MIN_PAGES"):
                try:
                    self.fetcher = ProcessChecker(self.http_options, self._fetch_progress)
                    return
                except (AssertionError, OSError):  # e.g. inside a daemonic process, which may not have children
                    logger.warning("Cannot start the fetching process; fetching in a thread instead", exc_info=True)
            self.fetcher = BackgroundChecker(self.http_options, self._fetch_progress)

    def _fetch_progress(self, done, total):
        self.progress("fetch", done, total)

    def check_external(self, urls):
        """Results for every external URL: fetched in the background during rendering, or from the cache."""
        if self.fetcher is None:
            return {}
        self._flush()
        fetched = self.fetcher.finish()
        self.fetcher = None
        self._save(fetched)
        results = urlcache.cached(set(urls) - set(fetched))
        results.update(fetched)
        return results

    # Putting it together -----------------------------------------------------------------------------------

    def run(self, pages, mode=CheckRun.Mode.FULL):
        started = time.monotonic()
        summary = Summary()
        in_sites = sum(1 for path in pages.values_list("url_path", flat=True) if self.index.site_for_url_path(path))
        if in_sites:
            # Started before the pages are loaded: until it execs, a child process shares this process's memory,
            # which per-process accounting (RSS) then counts twice; better while that memory is small.
            self.start_fetcher(in_sites)
        # Pages outside every site (the tree's root, orphans) have no public URL and nothing to check.
        pages = [page for page in pages.specific() if self.index.site_for_page(page) is not None]
        self.prefeed(pages)
        try:
            with pages_for_links(pages), shared_navigation():
                self.render_all(pages)
            rendered = time.monotonic()
            resolved, external_urls = self.resolve_links()
            url_results = self.check_external(external_urls)
            logger.info(
                "Rendering %s pages took %.1f s; external checks ended %.1f s later",
                len(self.contents),
                rendered - started,
                time.monotonic() - rendered,
            )
        finally:
            if self.fetcher is not None:  # an error while rendering: stop the background fetching
                self.fetcher.finish()
        summary.urls_fetched = self.fetched_count
        summary.unchecked = sum(1 for r in url_results.values() if r.status == UrlStatus.UNCHECKED)
        pages_found, unknown, broken_urls = {}, {}, set()
        for page_id, rows in resolved.items():
            content = self.contents[page_id]
            found, page_unknown = self.findings_for(content, rows, url_results, broken_urls)
            pages_found[page_id], unknown[page_id] = found, page_unknown
            summary.links += len(rows)
        owners = self.owners
        page_ids = list(pages_found)
        for start in range(0, len(page_ids), BATCH):
            chunk = {pid: pages_found[pid] for pid in page_ids[start : start + BATCH]}
            new, gone = sync_findings(chunk, owners, unknown, now=self.now, dry_run=self.dry_run)
            summary.findings_new += new
            summary.findings_resolved += gone
        summary.findings_resolved += resolve_unpublished(self.now, self.dry_run)
        summary.pages = len(self.contents)
        summary.broken = len(broken_urls)
        summary.broken_urls = sorted(broken_urls)
        summary.render_errors = sum(1 for c in self.contents.values() if c.error)
        summary.seconds = time.monotonic() - started
        if not self.dry_run:
            self.save_states(resolved)
            run = CheckRun.objects.create(
                mode=mode,
                external=self.external,
                finished_at=timezone.now(),
                pages_checked=summary.pages,
                links_checked=summary.links,
                urls_fetched=summary.urls_fetched,
                broken_links=summary.broken,
                unchecked_urls=summary.unchecked,
                findings_new=summary.findings_new,
                findings_resolved=summary.findings_resolved,
            )
            summary.run_id = run.id
        return summary

    def findings_for(self, content, rows, url_results, broken_urls):
        found, unknown = [], set()
        if content.error:
            found.append(Found("render-error", Severity.ERROR, content.url, "", content.error))
        for link, kind, target, ok, detail in rows:
            if kind == "external":
                result = url_results.get(target)
                if result is None or result.status == UrlStatus.UNCHECKED:
                    unknown.add(link.href)
                    continue
                ok = result.status not in BROKEN_STATUSES
                detail = describe_result(result)
            if ok is False:
                broken_urls.add(target)
                found.append(Found(LinkFinding.BROKEN_LINK, Severity.ERROR, link.href, link.name, str(detail)))
        for rule, link, detail in apply_rules(content.links, content.url):
            found.append(Found(rule.id, rule.severity, link.href, link.name, str(detail)))
        return found, unknown

    def save_states(self, resolved):
        rows = []
        for page_id, link_rows in resolved.items():
            site = self.sites.get(page_id)
            site_id = site.id if site else None
            rows.append(
                PageCheckState(
                    page_id=page_id,
                    checked_at=self.now,
                    external_urls=sorted({target for _l, kind, target, _ok, _d in link_rows if kind == "external"}),
                    # The path's own state, fragments aside, and what answered it: an incremental run re-checks
                    # these without rendering (SiteIndex.recheck).
                    internal_links=sorted(
                        {
                            (target, bool(resolved.ok), resolved.basis)
                            for _l, kind, target, _ok, _d in link_rows
                            if kind == "internal"
                            for resolved in [self.path_cache[(site_id, target)]]
                        }
                    ),
                )
            )
        PageCheckState.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=["checked_at", "external_urls", "internal_links"],
        )


def resolve_unpublished(now, dry_run=False):
    """Findings of pages no longer live are resolved: citizens no longer meet those links."""
    stale = LinkFinding.objects.open().filter(page__live=False)
    return stale.count() if dry_run else stale.update(resolved_at=now)


def run_check(*, page_ids=None, changed_since=None, incremental=False, **options):
    """Check pages (all live ones by default) and store the results; returns a Summary."""
    runner = Runner(**options)
    if page_ids:
        pages, mode = selection.live_pages().filter(id__in=page_ids), CheckRun.Mode.PAGES
    elif changed_since:
        pages, mode = selection.pages_changed_since(changed_since), CheckRun.Mode.INCREMENTAL
    elif incremental:
        pages, mode = selection.pages_for_incremental(runner), CheckRun.Mode.INCREMENTAL
    else:
        pages, mode = selection.live_pages(), CheckRun.Mode.FULL
    return runner.run(pages, mode)
