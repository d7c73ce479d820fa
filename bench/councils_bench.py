"""Councils benchmark: the council page, the compositions page, the calendar, the iCalendar feed and the API.

    .venv/bin/python bench/councils_bench.py                  # reuses var/bench/councils.sqlite3
    .venv/bin/python bench/councils_bench.py --fresh --councils 30 --terms 60 --meetings 200

Builds (once) the «Общественные советы» rubric with --councils councils, each with --terms member terms spread
over ten years (so every date has a composition and most rows are history), ten statutes, ten work plans and
--meetings meetings (a fifth of them upcoming). Then measures in-process through Django's test client (server time,
no network) the median of --repeat requests of each citizen view, with its number of queries; the figures are the
ones quoted in the councils report. Goal: every view under 150 ms and a query count that does not depend on sizes.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_PATH = ROOT / "var" / "bench" / "councils.sqlite3"


def setup_django(db_path: Path, fresh: bool) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if fresh and db_path.exists():
        db_path.unlink()
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(councils: int, terms: int, meetings: int) -> None:
    from datetime import date, timedelta

    from django.db import transaction
    from django.utils import timezone

    from cms.councils.models import (
        CouncilCompositionsPage,
        CouncilIndexPage,
        CouncilMeetingsPage,
        CouncilMember,
        CouncilPage,
        CouncilRole,
        CouncilStatute,
        Meeting,
        WorkPlan,
    )
    from cms.pages.site_root import ensure_home_page

    if CouncilIndexPage.objects.exists():
        return
    home = ensure_home_page()
    index = CouncilIndexPage(title="Общественные советы", slug="obshchestvennye-sovety")
    home.add_child(instance=index)
    index.add_child(instance=CouncilMeetingsPage(title="Заседания и отчёты", slug="zasedaniya"))
    index.add_child(instance=CouncilCompositionsPage(title="Составы", slug="sostav"))
    now = timezone.now()
    start = date.today() - timedelta(days=3650)
    with transaction.atomic():
        for c in range(councils):
            council = CouncilPage(title=f"Совет {c}", slug=f"sovet-{c}", sector="Сфера")
            index.add_child(instance=council)
            # Bulk inserts: the benchmark measures reading; signals (deadlines) are exercised by the tests.
            span = 3650 // max(terms // 10, 1)
            CouncilMember.objects.bulk_create(
                CouncilMember(
                    council=council,
                    full_name=f"Член {c}-{t}",
                    person_key=f"член {c}-{t}",
                    role=CouncilRole.CHAIR if t % 10 == 0 else CouncilRole.MEMBER,
                    term_start=start + timedelta(days=(t // 10) * span),
                    term_end=start + timedelta(days=(t // 10 + 1) * span - 1),
                )
                for t in range(terms)
            )
            CouncilStatute.objects.bulk_create(
                CouncilStatute(council=council, title=f"Положение {i}", approval_date=start + timedelta(days=300 * i))
                for i in range(10)
            )
            WorkPlan.objects.bulk_create(
                WorkPlan(council=council, year=2016 + i, approval_date=date(2016 + i, 1, 15)) for i in range(10)
            )
            Meeting.objects.bulk_create(
                Meeting(
                    council=council,
                    starts_at=now + timedelta(days=(i - meetings * 4 // 5) * 7, hours=c % 5),
                    place="ул. Кедровая, 1",
                    agenda=f"<p>Вопрос {i}</p>",
                )
                for i in range(meetings)
            )
            council.save_revision().publish()


def measure(repeat: int) -> list[tuple[str, float, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cms.councils.models import CouncilCompositionsPage, CouncilMeetingsPage, CouncilPage

    council = CouncilPage.objects.live().first()
    meetings_page = CouncilMeetingsPage.objects.get()
    compositions = CouncilCompositionsPage.objects.first()
    targets = [
        ("council page (today)", council.url, {}),
        ("council page (?date= 5 years ago)", council.url, {"date": "2021-06-01"}),
        ("meetings calendar", meetings_page.url, {}),
        ("iCalendar feed (all meetings)", "/councils/meetings.ics", {}),
    ]
    if compositions is not None:
        targets.append(("compositions page", compositions.url, {}))
    client = Client()
    rows = []
    for name, url, params in targets:
        client.get(url, params)  # warm caches (templates, site root paths)
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                response = client.get(url, params)
                times.append(time.perf_counter() - began)
            assert response.status_code == 200, (url, response.status_code)
        rows.append((name, statistics.median(times) * 1000, len(queries)))
    return rows


def measure_api(repeat: int) -> list[tuple[str, float, int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIRequestFactory

    from cms.councils.api import CouncilViewSet, MeetingViewSet

    factory = APIRequestFactory()
    rows = []
    for name, viewset, params in (
        ("API councils (composition, plans, meetings)", CouncilViewSet, {"date": "2021-06-01"}),
        ("API meetings of a year", MeetingViewSet, {"from": "2025-01-01", "to": "2025-12-31"}),
    ):
        view = viewset.as_view({"get": "list"})
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                view(factory.get("/api/", params)).render()
                times.append(time.perf_counter() - began)
        rows.append((name, statistics.median(times) * 1000, len(queries)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="rebuild the database")
    parser.add_argument("--councils", type=int, default=20)
    parser.add_argument("--terms", type=int, default=40, help="member terms per council")
    parser.add_argument("--meetings", type=int, default=100, help="meetings per council")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    setup_django(DB_PATH, args.fresh)
    began = time.perf_counter()
    build(args.councils, args.terms, args.meetings)
    sys.stdout.write(f"site ready in {time.perf_counter() - began:.1f} s\n")
    sys.stdout.write(
        f"{args.councils} councils × {args.terms} terms × {args.meetings} meetings; median of {args.repeat}\n"
    )
    sys.stdout.write("| view | ms | queries |\n|---|---:|---:|\n")
    for name, ms, count in measure(args.repeat) + measure_api(args.repeat):
        sys.stdout.write(f"| {name} | {ms:.1f} | {count} |\n")


if __name__ == "__main__":
    main()
