"""Build the site's units, editor groups, rubric tree and permissions from the rubric data file (idempotent).

It prints a summary (how many units, pages, rights ...); `-v 2` lists every step as well.
"""

from collections import Counter
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
        verbose = options.get("verbosity", 1) >= 2
        if verbose:
            for step in steps:
                self.stdout.write(step.description)
        if dry_run:
            if steps:
                self.stdout.write(f"Dry run: {summary(steps)} planned, nothing written.")
            else:
                self.stdout.write("Nothing to do: the site already matches the data file.")
            return
        if steps:
            builder.apply(steps)
        area_steps = builder.fill_area_demo() if demo else []
        if verbose:
            for line in area_steps:
                self.stdout.write(line)
        if not steps and not area_steps:
            self.stdout.write("Nothing to do: the site already matches the data file.")
            return
        parts = [summary(steps)] if steps else []
        if area_steps:
            parts.append(f"{len(area_steps)} demo item(s) of the content areas")
        self.stdout.write(self.style.SUCCESS(f"Done: {'; '.join(parts)}."))


# The builder's step descriptions start with what kind of change they are (cms/pages/bootstrap/builder.py).
_KINDS = [
    ("+ unit ", "unit(s) with their editor groups"),
    ("+ edit rights ", "edit-rights grant(s)"),
    ("= adopt page ", "existing page(s) adopted"),
    ("~ demo content ", "page(s) filled with demo content"),
    ("+ ", "page(s) created"),
    ("create the home page", "home page created"),
]


def summary(steps) -> str:
    """«63 page(s) created, 6 unit(s) …, 2 other change(s)»: one line whatever the size of the site."""
    counts = Counter()
    for step in steps:
        kind = next((label for prefix, label in _KINDS if step.description.startswith(prefix)), "other change(s)")
        counts[kind] += 1
    order = [label for _prefix, label in _KINDS] + ["other change(s)"]
    return ", ".join(f"{counts[label]} {label}" for label in order if counts[label])
