"""Search benchmark: relevance of the citizen search beside Wagtail's stock search, latency, full index rebuild.

    .venv/bin/python bench/search_bench.py relevance                       # SQLite file var/bench/search-rel.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cms_search_bench .venv/bin/python bench/search_bench.py relevance
    .venv/bin/python bench/search_bench.py speed --pages 20000 --rows 20000 [--faq 20000] [--queries 200]

relevance: builds the pages of bench/search_relevance_texts.yaml and, for each backend configuration, rebuilds the
index (update_index) and runs every query of bench/search_relevance.yaml: the project's configurations through
the /search/ view (Django test client, pages group), Wagtail's stock backend through ``backend.search()`` on the
same live public pages with its default operator. Prints recall@5 and MRR@10 per configuration.

speed: a generated site (cms.pages.generate: --pages live pages) plus --rows extra indexed rows (documents with a
text, what other registries add to the index), --faq published FAQ entries (question and answer), the full
``update_index`` time, then --queries searches through the /search/ view (relevance-set queries, cycled), p50/p95
of server time (in-process).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STOCK = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "russian"}
PROJECT = {"BACKEND": "search.backends", "SEARCH_CONFIG": "russian"}
CONFIGS = {
    "project, lemmas (pymorphy3) — chosen": {**PROJECT, "NORMALISER": "lemma"},
    "project, Snowball stems": {**PROJECT, "NORMALISER": "stem"},
    "project, case and ё only": {**PROJECT, "NORMALISER": "fold"},
    "Wagtail stock database backend": STOCK,
}


def setup_django(name: str, fresh: bool) -> str:
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    if "DATABASE_URL" not in os.environ:
        db_path = ROOT / "var" / "bench" / f"search-{name}.sqlite3"
        db_path.parent.mkdir(parents=True, exist_ok=True)
        if fresh and db_path.exists():
            db_path.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    elif fresh:
        _recreate_postgres_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    return connection.vendor


def _recreate_postgres_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _with_backend(params):
    from django.test import override_settings

    return override_settings(WAGTAILSEARCH_BACKENDS={"default": params})


def rebuild_index() -> float:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    return time.perf_counter() - started


def relevance() -> None:
    from bs4 import BeautifulSoup
    from django.test import Client
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from bench.search_relevance import build_pages, evaluate, load_queries
    from cms.pages.models import RubricPage
    from cms.pages.site_root import ensure_home_page

    home = ensure_home_page()
    if not RubricPage.objects.filter(slug="relevance").exists():
        rubric = RubricPage(title="Корпус", slug="relevance")
        home.add_child(instance=rubric)
        build_pages(rubric)
    slugs = dict(Page.objects.child_of(RubricPage.objects.get(slug="relevance")).values_list("pk", "slug"))
    client = Client()
    queries = load_queries()

    def through_view(query):
        soup = BeautifulSoup(client.get("/search/", {"q": query, "type": "pages"}).content, "lxml")
        links = soup.select("ol.search-results__list:not(.search-results__list--preview) a")
        return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links]

    def stock(query):
        results = get_search_backend().search(query, Page.objects.live().public())[:10]
        return [slugs.get(page.pk, "?") for page in results]

    print(f"{len(queries)} queries over {len(slugs)} pages")
    for name, params in CONFIGS.items():
        with _with_backend(params):
            seconds = rebuild_index()
            score = evaluate(stock if params is STOCK else through_view, queries)
        print(f"{name}: {score} (index rebuilt in {seconds:.2f} s, {len(score.misses)} imperfect queries)")
        for query, top in score.misses:
            print(f"    {query!r}: {top}")


def _corpus(seed: int):
    """A reproducible random source and the relevance texts' words: generated rows read like municipal text."""
    import random

    from bench.search_relevance import load_texts

    return random.Random(seed), " ".join(t["body"] for t in load_texts()).split()  # noqa: S311


def _batches(have: int, total: int, size: int = 1000):
    """The numbers of the rows still to create, ``size`` at a time."""
    for start in range(have, total, size):
        yield range(start, min(total, start + size))


def generate_rows(rows: int) -> None:
    """``rows`` documents with a paragraph of text each, indexed as the documents source (search.DocumentText)."""
    from django.utils import timezone
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from search.models import DocumentText

    document_model = get_document_model()
    rng, words = _corpus(seed=2)
    root = Collection.get_first_root_node()
    now = timezone.now()
    for batch in _batches(DocumentText.objects.count(), rows):
        documents = document_model.objects.bulk_create(
            [
                document_model(
                    title=f"Документ {n}: {' '.join(rng.sample(words, 4))}",
                    file=f"documents/bench-{n}.txt",
                    collection=root,
                )
                for n in batch
            ]
        )
        DocumentText.objects.bulk_create(
            [
                DocumentText(
                    document=d, title=d.title, collection=root, created_at=now, text=" ".join(rng.sample(words, 60))
                )
                for d in documents
            ]
        )


def generate_faq(entries: int) -> None:
    """``entries`` published FAQ entries (a question and a paragraph of answer each): the FAQ source of the search."""
    from django.utils import timezone

    from cms.faq.models import FaqEntry

    rng, words = _corpus(seed=3)
    now = timezone.now()
    for batch in _batches(FaqEntry.objects.count(), entries):
        FaqEntry.objects.bulk_create(
            [
                FaqEntry(
                    question=f"Вопрос {n}: {' '.join(rng.sample(words, 6))}?",
                    slug=f"bench-{n}",
                    answer=f"<p>{' '.join(rng.sample(words, 60))}</p>",
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
                for n in batch
            ]
        )


def speed(pages: int, rows: int, queries: int, rebuild: bool = True, faq: int = 0) -> None:
    from django.test import Client
    from wagtail.models import Page

    from bench.search_relevance import load_queries
    from cms.pages.generate.bulk import GenerationOptions, generate_site

    if Page.objects.filter(depth__gt=2).count() < pages:
        started = time.perf_counter()
        generate_site(GenerationOptions(pages=pages, index=False, external_hosts=1), report=lambda line: None)
        print(f"generated {pages} pages in {time.perf_counter() - started:.1f} s")
    generate_rows(rows)
    generate_faq(faq)
    if rebuild:
        print(f"full index rebuild (update_index): {rebuild_index():.1f} s")
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # What autovacuum (on by default) does for a live site soon after a rebuild: fresh statistics (stale:
            # 2-3x slower) and the dead rows of the rebuild gone (upstream writes each entry twice; 20k pages + 20k
            # documents + 20k FAQ entries leave 197,000 dead rows, and until they are vacuumed p95 is 164 ms, not
            # 95). A server with autovacuum off, as this machine's, would keep them.
            cursor.execute("VACUUM ANALYZE")
    client = Client()
    words = [q["q"] for q in load_queries()]
    client.get("/search/", {"q": words[0]})  # warm-up: pymorphy3 dictionaries, template compilation
    timings = []
    for n in range(queries):
        started = time.perf_counter()
        response = client.get("/search/", {"q": words[n % len(words)], "page": "1"})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"{queries} searches through /search/: p50 {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["relevance", "speed"])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--faq", type=int, default=0, help="published FAQ entries to add")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--fresh", action="store_true", help="start from an empty database")
    parser.add_argument("--no-rebuild", action="store_true", help="time searches on the index already built")
    args = parser.parse_args()
    vendor = setup_django("rel" if args.what == "relevance" else f"speed-{args.pages}", args.fresh)
    print(f"engine: {vendor}")
    if args.what == "relevance":
        relevance()
    else:
        speed(args.pages, args.rows, args.queries, rebuild=not args.no_rebuild, faq=args.faq)


if __name__ == "__main__":
    main()
