from django.core.management.base import BaseCommand

from cms.ownership.backfill import assign_page_owners


class Command(BaseCommand):
    help = (
        "Give every content page without an owner the owner unit, official and review rule of its nearest ancestor "
        "that has one; compute due dates and fill the review report's table. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would change; write nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        result = assign_page_owners(dry_run=dry_run)
        prefix = "Dry run: " if dry_run else ""
        self.stdout.write(
            f"{prefix}{result.pages} owned pages, {result.assigned} given an owner from an ancestor, "
            f"{result.still_without_owner} still without owner (shown as «нет ответственного» in the report)."
        )
