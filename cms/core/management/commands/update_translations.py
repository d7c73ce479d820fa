from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.core.translations import domains, update


class Command(BaseCommand):
    help = "Extract the project's strings into each Russian catalogue (keeping translations) and compile them."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="*",
            help="Only the catalogues of these folders (an app's folder, or . for the project-level one).",
        )

    def handle(self, *args, paths, **options):
        selected = domains()
        if paths:
            wanted = {Path(p).resolve() for p in paths}
            selected = [d for d in selected if d.root in wanted]
            if not selected:
                raise CommandError(f"No catalogue folder among: {', '.join(paths)}")
        for domain in selected:
            missing = update(domain)
            if domain.sources and domain.po_path.exists():
                self.stdout.write(f"{domain.po_path}: {missing} untranslated")
