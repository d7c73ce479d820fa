"""Build a large synthetic site for benchmarks (bench/README.md); pages are written in bulk."""

import json
import random
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.pages.generate.bulk import GenerationOptions, generate_site
from cms.pages.generate.plan import plan_tree

MAX_PAGES = 1_000_000


class Command(BaseCommand):
    help = (
        "Generate a synthetic site of N live pages (rubrics and information pages with linked rich text) under a "
        "new rubric of the home page. Links point to pages, fragments, documents and test hosts 127.0.0.2+; "
        "--ground-truth writes which of them are broken."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True, help="Number of pages to create (at least 1).")
        parser.add_argument("--links-per-page", type=int, default=10, help="Links in each information page.")
        parser.add_argument(
            "--external-hosts", type=int, default=20, help="Test hosts 127.0.0.2 ... for external links (0-250)."
        )
        parser.add_argument("--external-port", type=int, default=8765, help="Port of the test hosts.")
        parser.add_argument("--documents", type=int, default=5, help="Documents to create or reuse for links.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same site.")
        parser.add_argument("--no-index", action="store_true", help="Skip the search index (run update_index later).")
        parser.add_argument("--ground-truth", type=Path, help="Write every served link as JSON lines to this file.")
        parser.add_argument("--dry-run", action="store_true", help="Generate, report and roll everything back.")

    def handle(self, *args, **options):
        generation = GenerationOptions(
            pages=options["pages"],
            links_per_page=options["links_per_page"],
            external_hosts=options["external_hosts"],
            external_port=options["external_port"],
            documents=options["documents"],
            seed=options["seed"],
            index=not options["no_index"],
        )
        self._validate(generation)
        if options["dry_run"]:
            plan = plan_tree(generation.pages, random.Random(generation.seed))  # noqa: S311 -- reproducible
            rubrics = [page for page in plan if page.kind == "rubric"]
            links = sum(len(page.children) for page in rubrics) + generation.links_per_page * (len(plan) - len(rubrics))
            self.stdout.write(
                f"Dry run: would create {len(plan)} pages ({len(rubrics)} rubrics) with {links} links; "
                "nothing was written."
            )
            return
        truth_file = self._open_ground_truth(options["ground_truth"]) if options["ground_truth"] else None
        report = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        result = generate_site(generation, report=report)
        if truth_file:
            with truth_file:
                for link in result.ground_truth:
                    truth_file.write(json.dumps(link.as_row(), ensure_ascii=False) + "\n")
        total = sum(result.timings.values())
        broken = sum(1 for link in result.ground_truth if link.broken)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {result.page_count} pages under {result.root.url_path} with {result.link_count} links "
                f"({broken} broken) in {total:.1f} s."
            )
        )

    def _validate(self, generation: GenerationOptions) -> None:
        if not 1 <= generation.pages <= MAX_PAGES:
            raise CommandError(f"--pages must be between 1 and {MAX_PAGES}, not {generation.pages}.")
        if generation.links_per_page < 0:
            raise CommandError("--links-per-page must not be negative.")
        if not 0 <= generation.external_hosts <= 250:
            raise CommandError("--external-hosts must be between 0 and 250 (127.0.0.2 ... 127.0.0.251).")
        if not 1 <= generation.external_port <= 65535:
            raise CommandError("--external-port must be a TCP port (1-65535).")
        if generation.documents < 0:
            raise CommandError("--documents must not be negative.")

    def _open_ground_truth(self, path: Path):
        # Opened before generating, so an unwritable path fails before anything is written to the database.
        try:
            return path.open("w", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write the ground truth to {path}: {error.strerror}.") from error
