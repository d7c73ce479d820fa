"""Declarations benchmark: page render time and queries at two sizes, and the spreadsheet import.

    .venv/bin/python bench/declarations_bench.py      # ~1-3 minutes on 2 CPUs; a fresh var/bench/declarations.sqlite3

Measures, in-process through Django's test client (server time, no network), the median of --repeat renders of:
a declaration with 20 and 200 indicators (table + SVG chart), the draft acts index with 20 and 100 drafts,
the plans archive with 20 and 200 documents; and the import of an XLSX of 200 and 2,000 indicator rows
(parse + validate + write, all-or-nothing). Query counts are printed beside each figure: they must not grow.
"""

import argparse
import io
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_PATH = ROOT / "var" / "bench" / "declarations.sqlite3"


def setup_django() -> None:
    DB_PATH.parent.mkdir(parents=True, exist_ok=True)
    if DB_PATH.exists():
        DB_PATH.unlink()
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def measure(client, url: str, repeat: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, url
    return statistics.median(times) * 1000, len(queries.captured_queries)


def build(sizes):
    from decimal import Decimal

    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from cms.declarations.models import (
        ArchiveDocument,
        DeclarationIndexPage,
        DeclarationPage,
        DraftActIndexPage,
        DraftActPage,
        DraftStage,
        Indicator,
        PlansArchivePage,
    )
    from cms.pages.site_root import ensure_home_page

    home = ensure_home_page()
    urls = {}
    for n in sizes["indicators"]:
        index = DeclarationIndexPage(title=f"Декларации {n}", slug=f"decl-{n}")
        home.add_child(instance=index)
        page = DeclarationPage(title=f"Декларация {n}", slug="2026", year=2026)
        index.add_child(instance=page)
        page.save_revision().publish()
        Indicator.objects.bulk_create(
            Indicator(
                declaration=page,
                sort_order=i,
                name=f"Показатель {i}",
                unit="%",
                target_q1=Decimal(i + 1),
                actual_q1=Decimal(i),
                target_year=Decimal(100),
                actual_year=Decimal(i % 120),
            )
            for i in range(n)
        )
        urls[f"declaration, {n} indicators"] = page.url
    for n in sizes["drafts"]:
        index = DraftActIndexPage(title=f"Проекты {n}", slug=f"drafts-{n}")
        home.add_child(instance=index)
        index.save_revision().publish()
        for i in range(n):
            draft = DraftActPage(title=f"Проект {i}", slug=f"p{i}")
            draft.stages = [
                DraftStage(stage="initiation", day=date(2026, 1, 1)),
                DraftStage(stage="published", day=date(2026, 2, 1)),
            ]
            index.add_child(instance=draft)
        urls[f"draft index, {n} drafts"] = index.url
    Document = get_document_model()
    document = Document(title="Документ")
    document.file.save("plan.pdf", ContentFile(b"x" * 2048), save=False)
    document.save()
    for n in sizes["documents"]:
        archive = PlansArchivePage(title=f"Архив {n}", slug=f"archive-{n}")
        archive.archive_documents = [
            ArchiveDocument(year=2000 + i % 25, kind="work_plan", title=f"План {i}", document=document, sort_order=i)
            for i in range(n)
        ]
        home.add_child(instance=archive)
        urls[f"plans archive, {n} documents"] = archive.url
    return urls


def bench_import(rows: int) -> float:
    from openpyxl import Workbook

    from cms.declarations.importer import import_indicators
    from cms.declarations.models import DeclarationIndexPage, DeclarationPage

    book = Workbook()
    book.active.append(
        ["Цель", "Показатель", "Единица измерения", "Направление", "План I кв.", "Факт I кв.", "План год"]
    )
    for i in range(rows):
        book.active.append(["Цель", f"Показатель {i}", "%", "больше — лучше", i, i - 1, 100])
    buffer = io.BytesIO()
    book.save(buffer)
    index = DeclarationIndexPage.objects.first()
    page = DeclarationPage(title=f"Импорт {rows}", slug=f"import-{rows}", year=2000 + rows % 100)
    index.add_child(instance=page)
    start = time.perf_counter()
    import_indicators(page, "bench.xlsx", buffer.getvalue())
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    setup_django()
    from django.test import Client

    urls = build({"indicators": [20, 200], "drafts": [20, 100], "documents": [20, 200]})
    client = Client()
    print("| what | median render | queries |")
    print("|---|---|---|")
    for label, url in urls.items():
        ms, queries = measure(client, url, args.repeat)
        print(f"| {label} | {ms:.1f} ms | {queries} |")
    for rows in (200, 2000):
        print(f"| import of {rows} rows (XLSX) | {bench_import(rows):.0f} ms | — |")


if __name__ == "__main__":
    main()
