"""Placeholder until the rubric tree lands: make sure the default site has a HomePage."""

from django.core.management.base import BaseCommand

from cms.pages.site_root import ensure_home_page


class Command(BaseCommand):
    help = "Build the site structure (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also fill the pages with demo content.")
        parser.add_argument("--dry-run", action="store_true", help="Print the plan and write nothing.")

    def handle(self, *args, **options):
        ensure_home_page()
