"""FAQ benchmark: the FAQ page, an answer's page, the API and import/export on a large FAQ.

    .venv/bin/python bench/faq_bench.py                       # reuses var/bench/faq.sqlite3
    .venv/bin/python bench/faq_bench.py --fresh --entries 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cms_faq_bench .venv/bin/python bench/faq_bench.py --entries 20000

Builds (once) a site with 8 rubrics and the FAQ page, and --entries published entries with tags (bulk insert,
then the search index), and measures in-process through Django's test client (server time, no network) the median
of --repeat requests of: the FAQ list (by category, by popularity, filtered by a tag, searched), one answer's page,
the API list; then exports all entries as XLSX and CSV and imports a 1,000-row XLSX file (validation + save, rolled
back). Query counts are printed next to the limits the tests assert.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_PATH = ROOT / "var" / "bench" / "faq.sqlite3"
WORDS = "приём граждан бюджет справка обращение услуга жильё выписка конкурс проверка отчёт программа".split()


def setup_django(db_path: Path, fresh: bool) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if fresh and db_path.exists():
        db_path.unlink()
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{db_path}")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_site(entries: int):
    from django.db import transaction
    from wagtail.search.backends import get_search_backend

    from cms.faq.models import FaqEntry, FaqEntryTag, FaqIndexPage
    from cms.pages.models import RubricPage
    from cms.pages.site_root import ensure_home_page

    home = ensure_home_page()
    rubrics = list(RubricPage.objects.filter(slug__startswith="bench-rubric-"))
    if not rubrics:
        for n in range(8):
            rubric = RubricPage(title=f"Рубрика {n}", slug=f"bench-rubric-{n}")
            home.add_child(instance=rubric)
            rubrics.append(rubric)
        rubrics[0].add_child(instance=FaqIndexPage(title="Вопросы и ответы", slug="voprosy-i-otvety"))
    have = FaqEntry.objects.count()
    if have >= entries:
        return
    from django.utils import timezone
    from taggit.models import Tag

    started = time.monotonic()
    tags = [Tag.objects.get_or_create(name=f"метка {n}", defaults={"slug": f"metka-{n}"})[0] for n in range(40)]
    now = timezone.now()
    with transaction.atomic():
        batch = []
        for n in range(have, entries):
            words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(4))
            batch.append(
                FaqEntry(
                    question=f"Вопрос {n}: как оформить {words}?",
                    slug=f"vopros-{n}",
                    answer=f"<p>Ответ {n}. Обратитесь в отдел: {words}. Срок — {n % 30 + 1} дней.</p>",
                    category=rubrics[n % len(rubrics)],
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                    view_count=(n * 7919) % 1000,
                )
            )
        created = FaqEntry.objects.bulk_create(batch, batch_size=1000)
        FaqEntryTag.objects.bulk_create(
            [FaqEntryTag(content_object=e, tag=tags[i % len(tags)]) for i, e in enumerate(created)]
            + [FaqEntryTag(content_object=e, tag=tags[(i * 7 + 3) % len(tags)]) for i, e in enumerate(created)],
            batch_size=1000,
        )
    backend = get_search_backend()
    index = backend.get_index_for_model(FaqEntry)
    queryset = FaqEntry.objects.all()
    for start in range(0, queryset.count(), 1000):
        index.add_items(FaqEntry, list(queryset.order_by("pk")[start : start + 1000]))
    print(f"built {entries - have} entries (with search index) in {time.monotonic() - started:.1f} s")


def timed(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), max(times), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    setup_django(DB_PATH, args.fresh)
    build_site(args.entries)

    from django.db import connection, transaction
    from django.test import Client
    from rest_framework.test import APIRequestFactory

    from cms.faq import transfer
    from cms.faq.api import FaqEntryViewSet
    from cms.faq.models import FaqEntry

    print(f"engine: {connection.vendor}; published entries: {FaqEntry.objects.public().count()}")
    client = Client()
    base = "/bench-rubric-0/voprosy-i-otvety/"
    rows = [
        ("FAQ page, by category (limit 20 q)", base),
        ("FAQ page, page 50", base + "?page=50"),
        ("FAQ page, most viewed first", base + "?order=popular"),
        ("FAQ page, one tag", base + "?tag=metka-3"),
        ("FAQ page, search «справка приём»", base + "?q=справка+приём"),
        ("FAQ page, search + popular", base + "?q=бюджет&order=popular"),
        ("one answer's page", base + "vopros-77/"),
    ]
    print(f"{'request':42} {'median ms':>10} {'max ms':>8} {'queries':>8}")
    for label, url in rows:
        median, worst, queries = timed(client, url, args.repeat)
        print(f"{label:42} {median:10.1f} {worst:8.1f} {queries:8d}")
    view = FaqEntryViewSet.as_view({"get": "list"})
    factory = APIRequestFactory()
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        view(factory.get("/api/v2/faq/", {"category": FaqEntry.objects.values_list("category_id", flat=True)[0]}))
        times.append((time.perf_counter() - started) * 1000)
    print(f"{'API list, one category (unpaginated viewset)':42} {statistics.median(times):10.1f} {max(times):8.1f}")

    entries = FaqEntry.objects.all()
    for label, function in (("export XLSX", transfer.export_xlsx), ("export CSV", transfer.export_csv)):
        started = time.perf_counter()
        size = len(function(entries))
        print(f"{label} of {entries.count()} entries: {time.perf_counter() - started:.1f} s, {size / 1e6:.1f} MB")
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Вопрос", "Ответ", "Рубрика", "Метки"])
    for n in range(1000):
        workbook.active.append([f"Импортированный вопрос {n}?", f"Ответ {n}.", "Рубрика 1", "импорт, метка 1"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    started = time.perf_counter()
    with transaction.atomic():
        result = transfer.import_entries("bench.xlsx", buffer.getvalue())
        transaction.set_rollback(True)
    print(f"import of 1,000 rows (validate + save, rolled back): {time.perf_counter() - started:.1f} s, {result}")


if __name__ == "__main__":
    main()
