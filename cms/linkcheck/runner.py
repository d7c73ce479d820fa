"""A run of the checker: select → render → resolve → fetch → judge → store.

- select: which live pages (selection.py), those under a site only;
- render: each page by its own serve() inside the apps' batch-render hooks (batch.py); every link is classified
  once into a Target (targets.py), and external ones are handed to the fetching right away;
- resolve: internal targets without HTTP (internal.SiteIndex), mailto:/tel: by their syntax;
- fetch: external targets, fetched while rendering went on (fetching.ExternalPhase) or taken from the URL cache;
- judge: one verdict per link (verdicts.py) plus the accessibility rules (rules.py);
- store: findings kept in step (findings.py), each page's state for incremental runs, the run's figures.
"""

import logging
import time

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.ownership import api as ownership

from . import conf, selection, urlcache, verdicts
from .batch import batch_render
from .extract import extract, forget_site_settings, render_page
from .fetching import ExternalPhase
from .findings import Found, sync_findings
from .internal import NO_SITE, SiteIndex
from .linksyntax import check_mailto, check_tel
from .models import CheckRun, LinkFinding, PageCheckState, Severity, UrlStatus
from .prefeed import external_hrefs
from .results import Problem, RenderedPage, Summary
from .rules import apply_rules
from .status import PROBLEM_STATUSES
from .targets import Kind, PageLink

logger = logging.getLogger(__name__)

BATCH = 200  # pages whose findings are synced at a time


class Runner:
    def __init__(self, *, external=True, dry_run=False, refresh=False, progress=None, http_options=None):
        self.external = external
        self.dry_run = dry_run
        self.refresh = refresh
        self.progress = progress or (lambda phase, done, total: None)
        self.http_options = http_options or conf.HttpOptions.from_settings()
        self.index = SiteIndex()
        self.now = timezone.now()
        self.anchors = {}  # page_id -> ids in its document, for #fragment links to pages outside the run
        self.fetched_before = {}  # {url: UrlResult} an incremental selection fetched before the run proper
        self.owner_units = {}  # page_id -> owner unit id: the routing of the run's findings
        forget_site_settings()

    def progress_of(self, phase):
        return lambda done, total: self.progress(phase, done, total)

    def run(self, pages, mode=CheckRun.Mode.FULL):
        started = time.monotonic()
        in_sites = sum(1 for path in pages.values_list("url_path", flat=True) if self.index.site_for_url_path(path))
        fetching = None
        if self.external and in_sites:
            # Started before the pages are loaded: until it execs, a child process shares this process's memory,
            # which per-process accounting (RSS) then counts twice; better while that memory is small.
            fetching = ExternalPhase(
                self.http_options,
                self.progress_of("fetch"),
                pages=in_sites,
                now=self.now,
                refresh=self.refresh,
                known=self.fetched_before,
            )
        try:
            pages = self.select(pages)
            if fetching is not None:
                fetching.met(href for page in pages for href in external_hrefs(page) if self.index.is_external(href))
                fetching.hand_over()
            rendered = self.render(pages, fetching)
            rendered_at = time.monotonic()
            resolved = self.resolve(rendered)
            url_results = self.fetch(rendered, fetching)
            logger.info(
                "Rendering %s pages took %.1f s; external checks ended %.1f s later",
                len(rendered),
                rendered_at - started,
                time.monotonic() - rendered_at,
            )
        finally:
            if fetching is not None:  # an error while rendering: stop the background fetching
                fetching.stop()
        fetched = {**self.fetched_before, **(fetching.fetched if fetching else {})}
        summary = Summary(urls_fetched=len(fetched), pages=len(rendered))
        judged = {page.page_id: self.judge(page, resolved, url_results, summary) for page in rendered}
        summary.unchecked = sum(1 for r in url_results.values() if r.status == UrlStatus.UNCHECKED)
        summary.render_errors = sum(1 for page in rendered if page.error)
        self.store(rendered, judged, summary, mode, fetched)
        summary.seconds = time.monotonic() - started
        return summary

    # select -------------------------------------------------------------------------------------------------

    def select(self, pages):
        """The specific pages, those outside every site (the tree's root, orphans) left out: no public URL.

        Their owner units (ownership's public API, one query) route the findings; a page nobody owns stays unrouted.
        """
        pages = [page for page in pages.specific() if self.index.site_for_page(page) is not None]
        owners = ownership.owner_units_of_pages([page.id for page in pages])
        self.owner_units = {page_id: unit.pk for page_id, unit in owners.items()}
        return pages

    # render -------------------------------------------------------------------------------------------------

    def render(self, pages, fetching=None):
        rendered = []
        with batch_render(pages):
            for number, page in enumerate(pages, 1):
                page_result = self.render_one(page)
                if fetching is not None:
                    fetching.met(pl.target.address for pl in page_result.links if pl.target.kind == Kind.EXTERNAL)
                rendered.append(page_result)
                self.progress("render", number, len(pages))
        return rendered

    def render_one(self, page):
        site = self.index.site_for_page(page)
        if site is None:
            return RenderedPage(page.id, None, None, "", error=str(NO_SITE))
        url = self.index.page_url(page, site)
        result = RenderedPage(page.id, self.owner_units.get(page.id), site, url)
        try:
            html = render_page(page, site, url)
        except Exception:  # a broken template must not stop the run; it becomes a finding (details in the log)
            logger.warning("Rendering page %s failed", page.id, exc_info=True)
            result.error = _("The page failed to render; the technical details are in the server log.")
            return result
        content = extract(html, page.id, url)
        result.links = [PageLink(link, self.index.classify(link.href, url, site)) for link in content.links]
        result.anchors = self.anchors[page.id] = content.anchors
        return result

    def _anchors_of(self, page_id):
        """Ids on a page outside this run, rendered once (without feeding the fetching) when a link needs them."""
        if page_id not in self.anchors:
            page = Page.objects.filter(id=page_id).first()
            self.anchors[page_id] = self.render_one(page.specific).anchors if page else frozenset()
        return self.anchors[page_id]

    # resolve ------------------------------------------------------------------------------------------------

    def resolve(self, rendered):
        """{(site id, Target): (ok, detail)} for every internal, mailto: and tel: target of the rendered pages."""
        verdicts_ = {}
        for page in rendered:
            site_id = page.site.id if page.site else None
            for page_link in page.links:
                target = page_link.target
                if target.kind in (Kind.EXTERNAL, Kind.SKIP) or (site_id, target) in verdicts_:
                    continue
                if target.kind == Kind.MAILTO:
                    verdicts_[site_id, target] = check_mailto(target.address)
                elif target.kind == Kind.TEL:
                    verdicts_[site_id, target] = check_tel(target.address)
                else:
                    verdicts_[site_id, target] = self._resolve_internal(target, page)
        return verdicts_

    def _resolve_internal(self, target, page):
        resolved = self.index.resolve(target.address, page.site)
        if not resolved.ok:
            return (False, str(resolved.detail))
        fragment = target.fragment
        if fragment and fragment != "top" and resolved.page_id:
            anchors = page.anchors if resolved.page_id == page.page_id else self._anchors_of(resolved.page_id)
            if fragment not in anchors:
                return (False, _("no element with id «%(id)s» on the target page") % {"id": fragment})
        return (True, "")

    # fetch --------------------------------------------------------------------------------------------------

    def fetch(self, rendered, fetching):
        """{url: UrlResult} of every external target: fetched in this run, or from the cache."""
        if fetching is None:
            return {}
        urls = {pl.target.address for page in rendered for pl in page.links if pl.target.kind == Kind.EXTERNAL}
        return fetching.results(urls)

    # judge --------------------------------------------------------------------------------------------------

    def judge(self, page, resolved, url_results, summary):
        """(findings, URLs of unknown state) of one page: a verdict per link, then the accessibility rules."""
        found, unknown = [], set()
        if page.error:
            found.append(Found(verdicts.RENDER_ERROR, Severity.ERROR, page.url, "", page.error))
        site_id = page.site.id if page.site else None
        shown = verdicts.shown_counts([pl.link for pl in page.links])
        for page_link in page.links:
            link, target = page_link.link, page_link.target
            if target.kind == Kind.SKIP:
                continue
            summary.links += 1
            if target.kind == Kind.EXTERNAL:
                result = url_results.get(target.address)
                if result is None or result.status == UrlStatus.UNCHECKED:
                    unknown.add(link.href)
                    continue
                if result.status not in PROBLEM_STATUSES:
                    continue
                kind, reason = verdicts.KIND_OF_STATUS[result.status], verdicts.explain(result)
            else:
                ok, reason = resolved[site_id, target]
                if ok:
                    continue
                kind = verdicts.BROKEN_LINK
            found.append(Found(kind, Severity.ERROR, link.href, link.name, str(reason), shown(kind, link.href)))
            problem = Problem(str(verdicts.kind_title(kind)), target.address, str(reason), page.url)
            summary.problems.append(problem)
        for rule, link, detail in apply_rules([pl.link for pl in page.links], page.url):
            found.append(Found(rule.id, rule.severity, link.href, link.name, str(detail), shown(rule.id, link.href)))
        return found, unknown

    # store --------------------------------------------------------------------------------------------------

    def store(self, rendered, judged, summary, mode, fetched):
        owners = {page.page_id: page.owner_unit_id for page in rendered}
        page_ids = list(judged)
        for start in range(0, len(page_ids), BATCH):
            chunk = page_ids[start : start + BATCH]
            new, gone = sync_findings(
                {pid: judged[pid][0] for pid in chunk},
                owners,
                {pid: judged[pid][1] for pid in chunk},
                now=self.now,
                dry_run=self.dry_run,
            )
            summary.findings_new += new
            summary.findings_resolved += gone
        summary.findings_resolved += resolve_unpublished(self.now, self.dry_run)
        summary.problems = sorted(set(summary.problems), key=lambda p: (p.url, p.page_url))
        summary.broken_urls = sorted({p.url for p in summary.problems})
        summary.broken = len(summary.broken_urls)
        if self.dry_run:
            return
        # Only now, after the findings: a run killed before this point leaves the cache, and the pages' states,
        # as they were, so the next run fetches and judges those URLs again instead of finding them fresh.
        urlcache.save(fetched, self.now)
        self.save_states(rendered)
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

    def save_states(self, rendered):
        """Each page's external URLs and internal paths (with what answered them), for incremental runs."""
        rows = []
        for page in rendered:
            targets = {pl.target for pl in page.links}
            rows.append(
                PageCheckState(
                    page_id=page.page_id,
                    checked_at=self.now,
                    external_urls=sorted({t.address for t in targets if t.kind == Kind.EXTERNAL}),
                    # The path's own state, fragments aside, and what answered it: an incremental run re-checks
                    # these without rendering (SiteIndex.recheck).
                    internal_links=sorted(
                        {
                            (t.address, bool(resolved.ok), resolved.basis)
                            for t in targets
                            if t.kind == Kind.INTERNAL
                            for resolved in [self.index.resolve(t.address, page.site)]
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
    """Check pages (all live ones by default) and store the results; returns a Summary.

    Findings are stored in the site's language (their reasons are sentences for editors), whoever starts the run.
    """
    with translation.override(settings.LANGUAGE_CODE):
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
