"""Ownership benchmark: the review report, the dashboard panel and the reminders on 10,000 owned pages.

    .venv/bin/python bench/ownership_bench.py                 # ~1-2 minutes; reuses var/bench/ownership.sqlite3
    .venv/bin/python bench/ownership_bench.py --fresh --pages 10000

Builds (once) a SQLite site of --pages live pages with generate_site, 30 units with 2 editors each and a named
official on every 50th page, and spreads the due dates so that about a third are overdue and a tenth due soon.
Then measures, in-process through Django's test client (server time, no network): the report's first page
(median of --repeat runs), its CSV export, the dashboard for one editor, and `send_review_reminders` (first run,
which sends every digest to the locmem backend, and a second run the same day, which sends nothing).
Query counts are printed next to the test suite's limits (tests/ownership/test_report.py, test_panel.py).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_PATH = ROOT / "var" / "bench" / "ownership.sqlite3"


def setup_django(db_path: Path, fresh: bool) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if fresh and db_path.exists():
        db_path.unlink()
    # The test settings: locmem mail, immediate tasks, no debug query log; the database from DATABASE_URL.
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_site(pages: int) -> None:
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import GroupPagePermission

    from cms.ownership.models import Ownership
    from cms.pages.generate.bulk import GenerationOptions, generate_site
    from cms.pages.site_root import ensure_home_page
    from cms.snippets.models import ResponsibleUnit

    if Ownership.objects.filter(page__live=True).count() >= pages:
        return
    User = get_user_model()
    home = ensure_home_page()
    with transaction.atomic():
        for n in range(30):
            group = Group.objects.create(name=f"Bench unit {n} editors")
            group.permissions.add(Permission.objects.get(codename="access_admin"))
            for codename in ("add_page", "change_page", "publish_page"):
                GroupPagePermission.objects.create(
                    group=group, page=home, permission=Permission.objects.get(codename=codename)
                )
            ResponsibleUnit.objects.create(name=f"Подразделение {n}", slug=f"bench-unit-{n}", editors_group=group)
            for m in range(2):
                user = User.objects.create_user(f"bench-editor-{n}-{m}", email=f"editor-{n}-{m}@example.org")
                user.groups.add(group)
        if not User.objects.filter(username="bench-admin").exists():
            User.objects.create_superuser("bench-admin", email="admin@example.org", password=None)
    started = time.monotonic()
    generate_site(GenerationOptions(pages=pages, links_per_page=0, documents=0, index=False), report=lambda m: None)
    print(f"generated {pages} pages in {time.monotonic() - started:.1f} s")
    # Spread the due dates: a third overdue, a tenth due within 14 days, the rest later; officials on some pages.
    today = timezone.localdate()
    officials = list(User.objects.filter(username__startswith="bench-editor-")[:10])
    states = list(Ownership.objects.all().only("pk"))
    for index, state in enumerate(states):
        state.review_due = today + timedelta(days=(-10 if index % 3 == 0 else 5 if index % 10 == 1 else 60))
        state.official_id = officials[index % len(officials)].pk if index % 50 == 0 else None
    Ownership.objects.bulk_update(states, ["review_due", "official"], batch_size=1000)


def timed(call, repeat: int = 1) -> tuple[float, object]:
    durations, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), result


def measure(repeat: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.core import mail
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from cms.ownership.models import Ownership, ReviewDigestLog

    User = get_user_model()
    client = Client()
    client.force_login(User.objects.get(username="bench-admin"))
    report = reverse("ownership:review_report")
    client.get(report)  # warm caches (content types, templates)
    results = {"owned pages": Ownership.objects.count()}
    with CaptureQueriesContext(connection) as queries:
        results["report first page (s)"], response = timed(lambda: client.get(report), repeat)
    assert response.status_code == 200
    results["report queries"] = len(queries) // repeat
    results["report overdue filter (s)"], _ = timed(lambda: client.get(report, {"status": "overdue"}), repeat)
    results["report CSV export, all rows (s)"], _ = timed(
        lambda: b"".join(client.get(report, {"export": "csv"}).streaming_content), 1
    )
    editor = Client()
    editor.force_login(User.objects.get(username="bench-editor-0-0"))
    editor.get(reverse("wagtailadmin_home"))
    results["dashboard with panel, editor (s)"], _ = timed(lambda: editor.get(reverse("wagtailadmin_home")), repeat)

    from django.test import RequestFactory

    from cms.ownership.components import DueReviewsPanel

    request = RequestFactory().get("/admin/")
    request.user = User.objects.get(username="bench-editor-0-0")
    with CaptureQueriesContext(connection) as queries:
        shown = DueReviewsPanel(request).get_context_data({})["states"]
    results["panel queries (rows shown)"] = f"{len(queries)} ({len(shown)})"

    ReviewDigestLog.objects.all().delete()
    mail.outbox = []
    results["send_review_reminders, first run (s)"], _ = timed(lambda: call_command("send_review_reminders"), 1)
    results["digests sent"] = len(mail.outbox)
    results["send_review_reminders, second run (s)"], _ = timed(lambda: call_command("send_review_reminders"), 1)
    results["digests sent by the second run"] = len(mail.outbox) - results["digests sent"]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--fresh", action="store_true", help="Delete the saved database and generate again.")
    parser.add_argument("--db", type=Path, default=DB_PATH)
    args = parser.parse_args()
    setup_django(args.db, args.fresh)
    from django.core import mail

    mail.outbox = []
    build_site(args.pages)
    for name, value in measure(args.repeat).items():
        shown = f"{value:.3f}" if isinstance(value, float) else value
        print(f"{name:45} {shown}")


if __name__ == "__main__":
    main()
