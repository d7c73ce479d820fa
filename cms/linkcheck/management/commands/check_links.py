"""manage.py check_links: check the links of the site's live pages and route the findings to their owners."""

import datetime
import threading
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.models import Page

from cms.linkcheck.runner import run_check

PHASES = {"render": "Rendering pages", "fetch": "Checking external URLs"}


def parse_since(value):
    """An ISO date or date-time; a date means its midnight in the site's time zone."""
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(f"--changed-since: «{value}» is not a date (YYYY-MM-DD or an ISO date-time).")
        moment = datetime.datetime.combine(day, datetime.time.min)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class ProgressBar:
    """One line on stderr, redrawn in place, with a counter per phase (rendering and fetching run side by side)."""

    def __init__(self, stream, enabled):
        self.stream = stream  # a management command's OutputWrapper
        self.enabled = enabled
        self.counts = {}
        self.lock = threading.Lock()
        self.last_draw = 0.0

    def __call__(self, phase, done, total):
        if not self.enabled:
            return
        with self.lock:  # fetching reports from its own thread
            self.counts[phase] = (done, total)
            now = time.monotonic()
            if done != total and now - self.last_draw < 0.2:
                return
            self.last_draw = now
            parts = [f"{PHASES.get(name, name)}: {d}/{t}" for name, (d, t) in self.counts.items()]
            self.stream.write("\r" + " · ".join(parts) + " ", ending="")
            self.stream.flush()

    def close(self):
        if self.enabled and self.counts:
            self.stream.write("")


class Command(BaseCommand):
    # Run unattended (cron, the task worker) and often: the system checks belong to deploys, and loading the URL
    # configuration for them would cost an incremental run more than its own work.
    requires_system_checks = []
    help = (
        "Check the links and images of live pages: internal ones without HTTP, external ones over HTTP (cached), "
        "plus the link accessibility rules; store the findings and route them to each page's owner unit."
    )

    def add_arguments(self, parser):
        parser.add_argument("--page", type=int, action="append", dest="pages", metavar="ID", help="Only this page.")
        parser.add_argument(
            "--changed-since", type=str, metavar="DATE", help="Only pages published since DATE (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--incremental",
            action="store_true",
            help="Only pages changed since their last check, and external URLs whose cached result expired.",
        )
        parser.add_argument("--no-external", action="store_true", help="Do not check external links over HTTP.")
        parser.add_argument("--refresh", action="store_true", help="Ignore cached results of external URLs.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report, but store nothing.")
        parser.add_argument("--progress", action="store_true", help="Show the progress bar even when not on a tty.")
        parser.add_argument(
            "--list-broken",
            action="store_true",
            help="List every problem link (broken, unreachable, blocked) with the reason, before the summary.",
        )

    def handle(self, *args, pages=None, changed_since=None, incremental=False, **options):
        if sum(bool(x) for x in (pages, changed_since, incremental)) > 1:
            raise CommandError("Use only one of --page, --changed-since and --incremental.")
        if pages:
            found = set(Page.objects.filter(id__in=pages, live=True).values_list("id", flat=True))
            missing = sorted(set(pages) - found)
            if missing:
                raise CommandError(f"No live page with id {', '.join(map(str, missing))}.")
        since = parse_since(changed_since) if changed_since else None
        progress = ProgressBar(self.stderr, options["progress"] or self.stderr.isatty())
        try:
            summary = run_check(
                page_ids=pages,
                changed_since=since,
                incremental=incremental,
                external=not options["no_external"],
                dry_run=options["dry_run"],
                refresh=options["refresh"],
                progress=progress,
            )
        finally:
            progress.close()
        if options["list_broken"]:
            # «Битая ссылка: https://… — сайт отвечает, что такой страницы нет (HTTP 404) [on /about/]»
            for problem in summary.problems:
                self.stdout.write(f"{problem.kind}: {problem.url} — {problem.reason} [{problem.page_url}]")
        self.stdout.write(
            f"Pages: {summary.pages}, links: {summary.links}, external URLs fetched: {summary.urls_fetched}, "
            f"problem targets: {summary.broken}, not checked (time budget): {summary.unchecked}, "
            f"findings new: {summary.findings_new}, resolved: {summary.findings_resolved}, "
            f"time: {summary.seconds:.1f} s" + (" (dry run, nothing stored)" if options["dry_run"] else "")
        )
        if summary.render_errors:
            raise CommandError(f"{summary.render_errors} page(s) could not be rendered; see the findings.")
