"""The one way a run fetches external URLs: a Fetcher, fed while pages render, joined with the URL cache.

A Fetcher takes `submit(urls)` any number of times and answers `finish() -> {url: UrlResult}`. Which one runs is
decided here only: a child process (fetchproc.ProcessChecker) when the run renders enough pages for rendering and
fetching to fight over the GIL, else an event loop in a thread (external.BackgroundChecker), whose start costs
nothing. aiohttp is imported only by runs that fetch.
"""

import logging
from typing import Protocol

from . import conf, urlcache

logger = logging.getLogger(__name__)

BATCH = 200  # new URLs handed to the fetcher at a time (one cache query each)


class Fetcher(Protocol):
    def submit(self, urls) -> None: ...

    def finish(self) -> dict: ...


def start_fetcher(options, progress=None, *, pages=0) -> Fetcher:
    from .external import BackgroundChecker

    # A child process pays off when rendering is long enough to fight the fetching over the GIL; for a few pages
    # (a page just published) its start-up, about 0.3 s, would be most of the run.
    if conf.get("LINKCHECK_FETCH_IN_SUBPROCESS") and pages >= conf.get("LINKCHECK_SUBPROCESS_MIN_PAGES"):
        from .fetchproc import ProcessChecker

        try:
            return ProcessChecker(options, progress)
        except (AssertionError, OSError):  # e.g. inside a daemonic process, which may not have children
            logger.warning("Cannot start the fetching process; fetching in a thread instead", exc_info=True)
    return BackgroundChecker(options, progress)


def check_urls(urls, options, progress=None):
    """Fetch URLs now and wait for the results (no cache involved)."""
    fetcher = start_fetcher(options, progress)
    fetcher.submit(list(dict.fromkeys(urls)))
    return fetcher.finish()


class ExternalPhase:
    """A run's external links: each URL is handed over once, and only when its cached result has expired.

    `met(urls)` as pages are rendered; `results(urls)` at the end gives {url: UrlResult} for every URL asked, fetched
    in this run (`known`: already fetched before it) or taken from the cache. Nothing is stored here: the runner
    stores the fetched results with the findings, so a run killed midway leaves the cache as it found it.
    """

    def __init__(self, options, progress=None, *, pages=0, now, refresh=False, known=None):
        self.now, self.refresh = now, refresh
        self.known = dict(known or {})
        self.fetcher = start_fetcher(options, progress, pages=pages)
        self.seen, self.waiting = set(self.known), []
        self.fetched = {}

    def met(self, urls):
        for url in urls:
            if url not in self.seen:
                self.seen.add(url)
                self.waiting.append(url)
        if len(self.waiting) >= BATCH:
            self.hand_over()

    def hand_over(self):
        """Submit what was met since the last hand-over (the cache is asked once per batch)."""
        if self.waiting:
            due = set(self.waiting) if self.refresh else urlcache.expired(self.waiting, self.now)
            self.fetcher.submit(sorted(due))
            self.waiting = []

    def results(self, urls):
        self.hand_over()
        fetched = {**self.known, **self.stop()}
        results = urlcache.cached(set(urls) - set(fetched))
        results.update(fetched)
        return results

    def stop(self):
        """Wait for the fetching (or end it, after an error elsewhere); returns what was fetched."""
        if self.fetcher is not None:
            self.fetched, self.fetcher = self.fetcher.finish(), None
        return self.fetched
