"""Build the site's units, editor groups, rubric tree and permissions from the rubric data file (idempotent)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.pages.bootstrap.builder import PlanConflict, SiteBuilder
from cms.pages.bootstrap.loader import DEFAULT_DATA_FILE, DataFileError, load_site_data


class Command(BaseCommand):
    help = (
        "Build the responsible units, their editor groups, the rubric tree and page permissions from the rubric "
        "data file. Only adds what is missing: pages editors moved, retitled or filled are kept as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo", action="store_true", help="Also fill empty pages and site settings with demo content."
        )
        parser.add_argument("--dry-run", action="store_true", help="Print the plan and write nothing.")
        parser.add_argument(
            "--data", type=Path, default=DEFAULT_DATA_FILE, help=f"The rubric data file (default: {DEFAULT_DATA_FILE})."
        )

    def handle(self, *args, demo: bool, dry_run: bool, data: Path, **options):
        try:
            site_data = load_site_data(data)
            builder = SiteBuilder(site_data, demo=demo)
            steps = builder.plan()
        except (DataFileError, PlanConflict) as exc:
            raise CommandError(str(exc)) from exc
        for step in steps:
            self.stdout.write(step.description)
        if dry_run:
            if steps:
                self.stdout.write(f"Dry run: {len(steps)} step(s) planned, nothing written.")
            else:
                self.stdout.write("Nothing to do: the site already matches the data file.")
            return
        if steps:
            builder.apply(steps)
        area_steps = builder.fill_area_demo() if demo else []
        for line in area_steps:
            self.stdout.write(line)
        if not steps and not area_steps:
            self.stdout.write("Nothing to do: the site already matches the data file.")
            return
        self.stdout.write(self.style.SUCCESS(f"Done: {len(steps) + len(area_steps)} step(s) applied."))
