from datetime import date

from django.core.management.base import BaseCommand, CommandError

from cms.ownership.reminders import send_review_reminders


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--date must be YYYY-MM-DD, got {value!r}.") from exc


class Command(BaseCommand):
    help = (
        "Send each person one e-mail digest of their overdue pages and pages due within 14 days. "
        "Runs once a day: a second run on the same day sends nothing; a digest that failed is sent next time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would get a digest; send nothing.")
        parser.add_argument("--date", dest="day", type=str, default=None, help="Act as on this day (YYYY-MM-DD).")

    def handle(self, *args, dry_run: bool = False, day: str | None = None, **options):
        run = send_review_reminders(day=parse_day(day) if day else None, dry_run=dry_run)
        if dry_run:
            for digest in run.planned:
                self.stdout.write(f"{digest.user.email}: {len(digest.due_pages)} pages")
            self.stdout.write(f"Dry run: {len(run.planned)} digests would be sent, {run.already_sent} already sent.")
            return
        self.stdout.write(
            f"{run.day.isoformat()}: {len(run.sent)} digests sent, {run.already_sent} already sent earlier, "
            f"{len(run.failed)} failed."
        )
        if run.failed:
            raise CommandError(f"Could not send {len(run.failed)} digests: {', '.join(run.failed)} (see the log).")
