"""API benchmark: the newspaper feed against Wagtail's page listing, a 304, and a bare Django view, under gunicorn.

    .venv/bin/python bench/api_bench.py                  # builds var/bench/api.sqlite3 once (2,000 news pages)
    .venv/bin/python bench/api_bench.py --seconds 10 --clients 4 --fresh

Serves the site with gunicorn on 127.0.0.1 (loopback only; --workers sync workers) and, side by side in one run,
measures requests per second with --clients concurrent keep-alive-less clients for --seconds each (in --rounds
turns taken in rotation, so a change of the machine's load hits every case alike):
the feed (`/api/v2/feed/?limit=100`), the stock listing (`/api/v2/pages/?type=news.NewsPage&fields=...&limit=100`),
the feed and a registry endpoint (units) answered 304 (If-None-Match), and a bare view returning constant JSON.
Prints the ratios the issue sets targets for: feed / listing >= 1.5, 304 / bare >= 0.5. Every loop is bounded
in time and stops by itself.
"""

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_PATH = ROOT / "var" / "bench" / "api.sqlite3"
FIELDS = "title,date,lead,body,tags,main_image,owner_unit"

from bench.serving import fetch, free_port, start_gunicorn  # noqa: E402


def setup_django(fresh: bool) -> None:
    DB_PATH.parent.mkdir(parents=True, exist_ok=True)
    if fresh and DB_PATH.exists():
        DB_PATH.unlink()
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.api_settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"
    os.environ.setdefault("CMS_VAR_DIR", str(ROOT / "var" / "bench" / "api-var"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_site(pages: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from cms.news.models import NewsIndexPage, NewsPage
    from cms.pages.site_root import ensure_home_page
    from cms.snippets.models import ResponsibleUnit

    have = NewsPage.objects.live().count()
    if have >= pages:
        return
    home = ensure_home_page()
    unit, _ = ResponsibleUnit.objects.get_or_create(slug="press", defaults={"name": "Пресс-служба"})
    index = NewsIndexPage.objects.first()
    if index is None:
        index = NewsIndexPage(title="Новости", slug="novosti")
        home.add_child(instance=index)
        index.save_revision().publish()
    # Live pages built directly (no revision per page) so 2,000 build in about a minute on a shared machine;
    # the feed entries are then derived by cms.api.feed.rebuild(), the same code publishing runs.
    started = time.perf_counter()
    now = timezone.now()
    for n in range(have, pages):
        with transaction.atomic():
            page = NewsPage(
                title=f"Новость {n}: итоги заседания и планы на неделю",
                slug=f"bench-{n}",
                lead="Краткое содержание новости для списков и газеты.",
                body="<p>Первый абзац текста новости.</p>" * 6 + '<p><a href="/novosti/">Все новости</a></p>',
                owner_unit=unit,
                for_newspaper=True,
                first_published_at=now,
                last_published_at=now,
            )
            index.add_child(instance=page)
            page.tags.add("бенчмарк", f"тег-{n % 20}")
        if n % 200 == 0:
            print(f"  built {n}/{pages} pages ({time.perf_counter() - started:.0f} s)", flush=True)


def start_server(port: int, workers: int) -> subprocess.Popen:
    return start_gunicorn(port, workers)


def measure(port, path, headers, expect, seconds, clients) -> tuple[int, float]:
    """(requests answered, seconds spent) by ``clients`` concurrent clients for about ``seconds``."""
    counts = [0] * clients
    errors = []
    stop = time.monotonic() + seconds

    def client(i):
        while time.monotonic() < stop:
            status, _, _ = fetch(port, path, headers)
            if status != expect:
                errors.append(status)
                return
            counts[i] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{path}: unexpected status {errors[0]}")
    return sum(counts), time.perf_counter() - started


def measure_interleaved(port, cases, seconds, clients, rounds) -> dict[str, float]:
    """req/s of each case, measured in ``rounds`` short turns taken in rotation.

    On a shared machine the load drifts over a run; one long turn per case would charge that drift to whichever
    case ran at the time, rotating short turns spreads it over all of them, so the ratios compare like with like.
    """
    done = {name: [0, 0.0] for name in cases}
    for _ in range(rounds):
        for name, (path, headers, expect) in cases.items():
            count, spent = measure(port, path, headers, expect, seconds / rounds, clients)
            done[name][0] += count
            done[name][1] += spent
    return {name: count / spent for name, (count, spent) in done.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=4, help="turns per case, taken in rotation")
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()

    setup_django(args.fresh)
    build_site(args.pages)
    from cms.api.feed import rebuild
    from cms.api.models import FeedEntry

    if FeedEntry.objects.count() < args.pages:
        rebuild()
    port = free_port()
    server = start_server(port, args.workers)
    try:
        listing = f"/api/v2/pages/?type=news.NewsPage&fields={FIELDS}&limit=100"
        feed = "/api/v2/feed/?limit=100"
        status, headers, body = fetch(port, feed)
        etag = headers["ETag"]
        units = "/api/v2/units/"
        units_etag = fetch(port, units)[1]["ETag"]
        assert fetch(port, listing)[0] == 200
        for path in (feed, listing):  # warm both workers' caches
            for _ in range(2 * args.workers):
                fetch(port, path)
        cases = {
            "feed (100 items)": (feed, {}, 200),
            "stock listing (100 pages)": (listing, {}, 200),
            "feed 304": (feed, {"If-None-Match": etag}, 304),
            "registry 304 (units)": (units, {"If-None-Match": units_etag}, 304),
            "bare Django view": ("/bench/bare/", {}, 200),
        }
        results = measure_interleaved(port, cases, args.seconds, args.clients, args.rounds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"\n{args.pages} news pages, gunicorn {args.workers} sync workers, "
        f"{args.clients} clients, {args.seconds:.0f} s each in {args.rounds} rotating turns"
    )
    for name, rate in results.items():
        print(f"  {name:28s} {rate:8.1f} req/s")
    feed_ratio = results["feed (100 items)"] / results["stock listing (100 pages)"]
    not_modified_ratio = results["feed 304"] / results["bare Django view"]
    print(f"  feed / stock listing        {feed_ratio:8.2f}x  (target >= 1.5)")
    print(f"  304 / bare view             {not_modified_ratio:8.2f}x  (target >= 0.5)")
    registry_ratio = results["registry 304 (units)"] / results["bare Django view"]
    print(f"  registry 304 / bare view    {registry_ratio:8.2f}x")


if __name__ == "__main__":
    main()
