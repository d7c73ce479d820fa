"""Which pages a run checks: all live ones, those published since a date, or only what changed (incremental)."""

from django.db.models import F, OuterRef, Q, Subquery
from wagtail.models import Page

from . import urlcache
from .fetching import check_urls
from .models import PageCheckState
from .verdicts import KIND_OF_STATUS


def live_pages():
    return Page.objects.live().order_by("path")


def pages_changed_since(since):
    return live_pages().filter(last_published_at__gte=since)


def pages_for_incremental(runner):
    """Pages published since their last check, plus unchanged pages whose links changed state since.

    The latter are found without rendering: each page's last check stored its internal targets (re-resolved now,
    cheaply) and its external URLs (only the expired ones are fetched again, now).
    """
    checked = PageCheckState.objects.filter(page_id=OuterRef("pk")).values("checked_at")[:1]
    pages = live_pages().annotate(checked_at=Subquery(checked))
    changed = set(
        pages.filter(Q(checked_at__isnull=True) | Q(last_published_at__gt=F("checked_at"))).values_list("id", flat=True)
    )
    states = list(
        PageCheckState.objects.exclude(page_id__in=changed)
        .filter(page__live=True)
        .values_list("page_id", "page__url_path", "external_urls", "internal_links")
    )
    changed |= _internal_targets_changed(runner.index, states)
    if runner.external:
        changed |= _external_results_changed(runner, states)
    return live_pages().filter(id__in=changed)


def _internal_targets_changed(index, states):
    """Pages with an internal link whose state flipped; most links are re-checked without URL resolving."""
    affected, memo = set(), {}
    for page_id, url_path, _urls, internal_links in states:
        site = index.site_for_url_path(url_path)
        for path, was_ok, *basis in internal_links:
            key = (site.id if site else None, path)
            if key not in memo:
                ok = index.recheck(path, site, basis[0]) if basis else None
                memo[key] = index.resolve(path, site).ok if ok is None else ok
            if memo[key] != was_ok:
                affected.add(page_id)
                break
    return affected


def _external_results_changed(runner, states):
    urls = {url for _id, _path, external_urls, _links in states for url in external_urls}
    stale = urlcache.expired(urls, runner.now) if not runner.refresh else urls
    if not stale:
        return set()
    # A URL's verdict is its kind of finding (none, broken, unreachable, blocked): a change of either flips it.
    before = {url: KIND_OF_STATUS.get(result.status) for url, result in urlcache.cached(stale).items()}
    # Stored by the runner with the findings, not now: a run killed after this must not hide the change from the next.
    fresh = check_urls(sorted(stale), runner.http_options, runner.progress_of("fetch"))
    runner.fetched_before.update(fresh)
    flipped = {url for url, result in fresh.items() if KIND_OF_STATUS.get(result.status) != before.get(url)}
    return {page_id for page_id, _path, external_urls, _links in states if flipped.intersection(external_urls)}
