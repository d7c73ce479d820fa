"""Report which live page serves each roadmap item and 8-FZ category; fail when one has none."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.pages.bootstrap.coverage import coverage
from cms.pages.bootstrap.loader import DEFAULT_DATA_FILE, DataFileError, load_site_data

LABEL_WIDTH = 90


class Command(BaseCommand):
    help = (
        "Print, for every roadmap item and 8-FZ art. 13 category, the pages that serve it with their owner and live "
        "status. Exits non-zero if any of them has no live page."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data", type=Path, default=DEFAULT_DATA_FILE, help=f"The rubric data file (default: {DEFAULT_DATA_FILE})."
        )

    def handle(self, *args, data: Path, **options):
        try:
            site_data = load_site_data(data)
        except DataFileError as exc:
            raise CommandError(str(exc)) from exc
        rows = coverage(site_data)
        for row in rows:
            label = row.label if len(row.label) <= LABEL_WIDTH else row.label[: LABEL_WIDTH - 1] + "…"
            mark = "OK  " if row.covered else "GAP "
            self.stdout.write(f"{mark}{row.kind} {row.code}: {label}")
            if not row.pages:
                self.stdout.write("      no rubric in the data file serves it")
            for page in row.pages:
                if not page.exists:
                    self.stdout.write(f"      [missing] «{page.title}» ({page.key}): run bootstrap_site")
                    continue
                status = "live" if page.live else "not live"
                self.stdout.write(f"      [{status}] «{page.title}» {page.url_path} — owner: {page.owner or '-'}")
        gaps = [f"{row.kind} {row.code}" for row in rows if not row.covered]
        if gaps:
            raise CommandError(f"{len(gaps)} of {len(rows)} items have no live page: {', '.join(gaps)}")
        self.stdout.write(self.style.SUCCESS(f"All {len(rows)} roadmap items and 8-FZ categories have a live page."))
