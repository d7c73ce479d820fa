from django.core.management.base import BaseCommand

from cms.core.translations import domains, update


class Command(BaseCommand):
    help = "Extract the project's strings into each Russian catalogue (keeping translations) and compile them."

    def handle(self, *args, **options):
        for domain in domains():
            missing = update(domain)
            if domain.sources and domain.po_path.exists():
                self.stdout.write(f"{domain.po_path}: {missing} untranslated")
