"""Orchestrate a run: choose pages, render and extract, resolve internal links, fetch external ones, store results."""

import hashlib
import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.models import Page

from . import conf
from .external import BackgroundChecker, UrlResult, check_urls
from .extract import PageContent, extract, render_page
from .findings import Found, sync_findings
from .internal import SiteIndex
from .linksyntax import check_mailto, check_tel
from .models import BROKEN_STATUSES, CheckRun, LinkFinding, PageCheckState, Severity, UrlCheck, UrlStatus
from .rules import apply_rules

logger = logging.getLogger(__name__)

BATCH = 200


def url_hash(url):
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


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
        self.contents = {}  # page_id -> PageContent
        self.sites = {}  # page_id -> Site
        self.anchor_cache = {}  # page_id -> anchors, for #fragment targets on other pages
        self.now = timezone.now()
        self.fetcher = None  # a BackgroundChecker while pages are rendered
        self.seen_urls, self.new_urls, self.fetching = set(), [], set()
        self.fetched_count = 0

    # Choosing pages ---------------------------------------------------------------------------------------

    @staticmethod
    def live_pages():
        return Page.objects.live().order_by("path")

    def pages_changed_since(self, since):
        return self.live_pages().filter(last_published_at__gte=since)

    def pages_for_incremental(self):
        """Pages published since their last check, plus pages whose stored links changed state since."""
        checked = PageCheckState.objects.filter(page_id=OuterRef("pk")).values("checked_at")[:1]
        pages = self.live_pages().annotate(checked_at=Subquery(checked))
        changed = set(
            pages.filter(Q(checked_at__isnull=True) | Q(last_published_at__gt=F("checked_at"))).values_list(
                "id", flat=True
            )
        )
        changed |= self._pages_with_changed_targets(exclude=changed)
        return self.live_pages().filter(id__in=changed)

    def _pages_with_changed_targets(self, exclude):
        """Unchanged pages whose internal targets changed, or whose external URLs' expired results changed."""
        states = list(
            PageCheckState.objects.exclude(page_id__in=exclude)
            .filter(page__live=True)
            .select_related("page")
            .only("page_id", "external_urls", "internal_links", "page__url_path")
        )
        affected = set()
        for state in states:
            site = self.index.site_for_page(state.page)
            for path, was_ok in state.internal_links:
                ok, _detail, _ = self.index.resolve(path, site)
                if ok != was_ok:
                    affected.add(state.page_id)
                    break
        if not self.external:
            return affected
        urls = {url for state in states for url in state.external_urls}
        expired = self._expired(urls)
        if expired:
            old = {
                u.url: u.status in BROKEN_STATUSES
                for u in UrlCheck.objects.filter(url_hash__in=[url_hash(x) for x in expired])
            }
            fresh = self._fetch(expired)
            flipped = {
                url for url, result in fresh.items() if (result.status in BROKEN_STATUSES) != old.get(url, False)
            }
            affected |= {state.page_id for state in states if flipped.intersection(state.external_urls)}
        return affected

    # Phases -------------------------------------------------------------------------------------------------

    def render_all(self, pages):
        # Pages outside every site (the tree's root, orphans) have no public URL and nothing to check.
        pages = [page for page in pages.specific() if self.index.site_for_page(page) is not None]
        for number, page in enumerate(pages, 1):
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
            kind, target, *_rest = self.index.classify(link.href, content.url)
            if kind == "external" and target not in self.seen_urls:
                self.seen_urls.add(target)
                self.new_urls.append(target)
        if len(self.new_urls) >= 500:
            self._flush()

    def _flush(self):
        if self.new_urls:
            expired = self._expired(self.new_urls)
            self.fetching |= expired
            self.fetcher.submit(sorted(expired))
            self.new_urls = []

    def anchors_of(self, page_id):
        if page_id not in self.anchor_cache:
            page = Page.objects.filter(id=page_id).first()
            self.anchor_cache[page_id] = self.render(page.specific, feed=False).anchors if page else frozenset()
        return self.anchor_cache[page_id]

    def resolve_links(self):
        """Per page: [(link, kind, target, ok|None, detail)]; external targets are collected for fetching."""
        resolved, external_urls, cache = {}, set(), {}
        for page_id, content in self.contents.items():
            site = self.sites.get(page_id)
            rows = []
            for link in content.links:
                kind, target, *rest = self.index.classify(link.href, content.url)
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
        ok, detail, page_id = cache[key]
        if not ok:
            return (False, detail)
        if fragment and fragment != "top":
            anchors = content.anchors if page_id == content.page_id else (self.anchors_of(page_id) if page_id else None)
            if anchors is not None and fragment not in anchors:
                return (False, f"no element with id «{fragment}» on the target page")
        return (True, "")

    def _expired(self, urls):
        if self.refresh:
            return set(urls)
        fresh = set()
        hashes = {url_hash(url): url for url in urls}
        keys = list(hashes)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            fresh |= set(
                UrlCheck.objects.filter(url_hash__in=chunk, expires_at__gt=self.now).values_list("url", flat=True)
            )
        return set(urls) - fresh

    def _cached(self, urls):
        results, keys = {}, [url_hash(url) for url in urls]
        for start in range(0, len(keys), 500):
            for row in UrlCheck.objects.filter(url_hash__in=keys[start : start + 500]):
                results[row.url] = UrlResult(row.url, row.status, row.http_status, row.error, row.final_url)
        return results

    def _fetch(self, urls):
        results = check_urls(sorted(urls), self.http_options, self._fetch_progress)
        self._save(results)
        return results

    def _save(self, results):
        self.fetched_count += len(results)
        if self.dry_run:
            return
        expires = timezone.now() + timedelta(seconds=conf.get("LINKCHECK_CACHE_TTL"))
        rows = [
            UrlCheck(
                url_hash=url_hash(r.url),
                url=r.url,
                status=r.status,
                http_status=r.http_status,
                error=r.error,
                final_url=r.final_url,
                checked_at=self.now,
                expires_at=expires,
            )
            for r in results.values()
            if r.status != UrlStatus.UNCHECKED
        ]
        UrlCheck.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["url_hash"],
            update_fields=["status", "http_status", "error", "final_url", "checked_at", "expires_at"],
        )

    def start_fetcher(self):
        if self.external:
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
        results = self._cached(set(urls) - set(fetched))
        results.update(fetched)
        return results

    # Putting it together -----------------------------------------------------------------------------------

    def run(self, pages, mode=CheckRun.Mode.FULL):
        started = time.monotonic()
        summary = Summary()
        self.start_fetcher()
        try:
            self.render_all(pages)
            resolved, external_urls = self.resolve_links()
            url_results = self.check_external(external_urls)
        finally:
            if self.fetcher is not None:  # an error while rendering: stop the background fetching
                self.fetcher.finish()
        summary.urls_fetched = self.fetched_count
        summary.unchecked = sum(1 for r in url_results.values() if r.status == UrlStatus.UNCHECKED)
        pages_found, unknown, owners, broken_urls = {}, {}, {}, set()
        for page_id, rows in resolved.items():
            content = self.contents[page_id]
            found, page_unknown = self.findings_for(content, rows, url_results, broken_urls)
            pages_found[page_id], unknown[page_id] = found, page_unknown
            summary.links += len(rows)
        for page in Page.objects.filter(id__in=list(pages_found)).specific(defer=True).iterator(chunk_size=BATCH):
            owners[page.id] = getattr(page, "owner_unit_id", None)
        page_ids = list(pages_found)
        for start in range(0, len(page_ids), BATCH):
            chunk = {pid: pages_found[pid] for pid in page_ids[start : start + BATCH]}
            new, gone = sync_findings(chunk, owners, unknown, now=self.now, dry_run=self.dry_run)
            summary.findings_new += new
            summary.findings_resolved += gone
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
                detail = result.error or str(UrlStatus(result.status).label)
            if ok is False:
                broken_urls.add(target)
                found.append(Found(LinkFinding.BROKEN_LINK, Severity.ERROR, link.href, link.name, detail))
        for rule, link, detail in apply_rules(content.links, content.url):
            found.append(Found(rule.id, rule.severity, link.href, link.name, detail))
        return found, unknown

    def save_states(self, resolved):
        rows = []
        for page_id, link_rows in resolved.items():
            rows.append(
                PageCheckState(
                    page_id=page_id,
                    checked_at=self.now,
                    external_urls=sorted({target for _l, kind, target, _ok, _d in link_rows if kind == "external"}),
                    internal_links=sorted(
                        {(target, bool(ok)) for _l, kind, target, ok, _d in link_rows if kind == "internal"}
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


def run_check(*, page_ids=None, changed_since=None, incremental=False, **options):
    """Check pages (all live ones by default) and store the results; returns a Summary."""
    runner = Runner(**options)
    if page_ids:
        pages, mode = runner.live_pages().filter(id__in=page_ids), CheckRun.Mode.PAGES
    elif changed_since:
        pages, mode = runner.pages_changed_since(changed_since), CheckRun.Mode.INCREMENTAL
    elif incremental:
        pages, mode = runner.pages_for_incremental(), CheckRun.Mode.INCREMENTAL
    else:
        pages, mode = runner.live_pages(), CheckRun.Mode.FULL
    return runner.run(pages, mode)
