from django.core.management.base import BaseCommand, CommandError

from cms.core.translations import conflicts, domains, problems


class Command(BaseCommand):
    help = (
        "Fail when any string of the project lacks its Russian translation, a .mo is stale, "
        "or two catalogues translate one string differently."
    )

    def handle(self, *args, **options):
        all_domains = domains()
        found = [line for domain in all_domains for line in problems(domain)] + conflicts(all_domains)
        if found:
            for line in found:
                self.stderr.write(line)
            raise CommandError(f"{len(found)} translation problem(s); run `make messages` and translate.")
        self.stdout.write("All project strings are translated into Russian.")
