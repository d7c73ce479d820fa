from django.core.management.base import BaseCommand, CommandError

from cms.core.translations import domains, problems


class Command(BaseCommand):
    help = "Fail when any string of the project lacks its Russian translation or a .mo is stale."

    def handle(self, *args, **options):
        found = [line for domain in domains() for line in problems(domain)]
        if found:
            for line in found:
                self.stderr.write(line)
            raise CommandError(f"{len(found)} translation problem(s); run `make messages` and translate.")
        self.stdout.write("All project strings are translated into Russian.")
