"""Load benchmark (issue #16, item 3): the citizen site under wrk, beside a bare Django view and stock Wagtail.

    .venv/bin/python bench/load_bench.py --duration 5 --warmup 2          # a quick look, both engines (~5 min)
    nohup .venv/bin/python bench/load_bench.py --write-readme > var/load_bench.log 2>&1 &   # the full run

Per engine (PostgreSQL on 127.0.0.1:5432, then SQLite), one site built once and reused (--fresh rebuilds it):
``migrate``, ``bootstrap_site --demo`` and ``generate_site --pages 2000``; then the same pages copied into a plain
Wagtail 8 project (bench/stock/: its own settings, URLs and three page types; same ids, tree, titles, rich text and
StreamField data, `copy_site`). Three gunicorn servers run side by side on loopback, each with --workers sync
workers (as bench/api_bench.py): the project with CITIZEN_PAGE_CACHE=0, the project with CITIZEN_PAGE_CACHE=1,
and the stock project. The "default" cache is Redis (redis://127.0.0.1:6379/--redis-db, flushed before the
engine's run) with PostgreSQL and each process's memory with SQLite, for the project and the stock site alike.

wrk (--threads threads, --connections connections, no keep-alive from gunicorn's sync workers) measures each
endpoint for --duration seconds, split into --rounds turns taken in rotation over all endpoints (the machine is
shared: drifting load then hits every endpoint alike), each turn after --warmup seconds of the same load.
req/s is requests / seconds over all turns; p50 and p95 come from wrk's latency distribution (a Lua ``done()``),
averaged over the turns weighted by their requests (exact with --rounds 1); the worst turn's p95 is kept in the
JSON. Any socket error (connect, read, write, timeout) or a status >= 400 fails the run, loudly, as does an
endpoint that does not answer 200 before the measurement.

Results: the table on stdout, bench/out/load.json, and with --write-readme the table in bench/README.md.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import write_readme  # noqa: E402
from bench.serving import fetch, free_port, start_gunicorn  # noqa: E402

PYTHON = ROOT / ".venv" / "bin" / "python"
VAR = ROOT / "var" / "bench"
OUT = ROOT / "bench" / "out" / "load.json"
ENGINES = ("postgresql", "sqlite")
SEARCH_WORD = "сведения"  # in every information page's title and heading: the search ranks ~1,900 matches
WRK_TIMEOUT = "10s"  # wrk's default 2 s would drop slow answers from the latency figures; a timeout still fails

LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "LOADBENCH {\\"requests\\": %d, \\"duration_us\\": %d, \\"bytes\\": %d, \\"p50_us\\": %d, \\"p95_us\\": %d, "
    .. "\\"p99_us\\": %d, \\"max_us\\": %d, \\"mean_us\\": %.1f, \\"connect\\": %d, \\"read\\": %d, "
    .. "\\"write\\": %d, \\"status\\": %d, \\"timeout\\": %d}\\n",
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
end
"""
ERROR_KINDS = ("connect", "read", "write", "timeout", "status")


@dataclass(frozen=True)
class Case:
    key: str
    label: str
    server: str  # "off" (project, page cache off), "on" (page cache on), "stock"
    path: str


def cases(picks: dict) -> list[Case]:
    search = f"/search/?q={urllib.parse.quote(SEARCH_WORD)}"
    rubric, content = picks["rubric"], picks["content"]
    return [
        Case("home", "home page, uncached", "off", "/"),
        Case("rubric", "rubric page, uncached", "off", rubric),
        Case("content", "content page, uncached", "off", content),
        Case("search", f"search «{SEARCH_WORD}», uncached", "off", search),
        Case("api", "API page detail, uncached", "off", f"/api/v2/pages/{picks['content_id']}/"),
        Case("home-cached", "home page, cached", "on", "/"),
        Case("rubric-cached", "rubric page, cached", "on", rubric),
        Case("content-cached", "content page, cached", "on", content),
        Case("search-cached", f"search «{SEARCH_WORD}», cache on", "on", search),
        Case("api-cached", "API page detail, cache on", "on", f"/api/v2/pages/{picks['content_id']}/"),
        Case("bare", "bare Django view (ceiling)", "off", "/bench/bare/"),
        Case("stock-home", "stock Wagtail: home page", "stock", "/"),
        Case("stock-rubric", "stock Wagtail: rubric page", "stock", rubric),
        Case("stock-content", "stock Wagtail: content page", "stock", content),
    ]


DEFAULT_CASES = (
    "home,rubric,content,search,api,home-cached,rubric-cached,content-cached,bare,stock-home,stock-rubric,stock-content"
)


TABLE_ORDER = [case.key for case in cases({"rubric": "", "content": "", "content_id": 0})]


# --- the sites ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Engine:
    name: str
    project_url: str
    stock_url: str
    redis_url: str | None


def engine_config(name: str, args) -> Engine:
    if name == "postgresql":
        base = args.postgres.rstrip("/")
        return Engine(name, f"{base}/cms_load_bench", f"{base}/cms_load_bench_stock", args.redis)
    return Engine(name, f"sqlite:///{VAR / 'load-project.sqlite3'}", f"sqlite:///{VAR / 'load-stock.sqlite3'}", None)


def project_env(engine: Engine, page_cache: bool | None = None) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.load_settings",
        DATABASE_URL=engine.project_url,
        CMS_VAR_DIR=str(VAR / "load-var"),
        PYTHONPATH=str(ROOT),
    )
    env.pop("LOAD_BENCH_REDIS", None)
    if engine.redis_url:
        env["LOAD_BENCH_REDIS"] = engine.redis_url
    if page_cache is not None:
        env["CITIZEN_PAGE_CACHE"] = "1" if page_cache else "0"
    return env


def stock_env(engine: Engine) -> dict:
    env = project_env(engine)
    env.update(DJANGO_SETTINGS_MODULE="bench.stock.settings", DATABASE_URL=engine.stock_url)
    env["CMS_VAR_DIR"] = str(VAR / "load-stock-var")
    return env


def run(env: dict, *args: str, timeout: float = 1800) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and commands
        [str(PYTHON), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


PICK = """
import json
from wagtail.models import Page
from cms.pages.models import InformationPage
info = InformationPage.objects.live().filter(url_path__contains="/generated-").order_by("path").first()
rubric = info.get_parent()
print("PICK " + json.dumps({"content": info.get_url(), "content_id": info.pk, "rubric": rubric.get_url(),
      "rubric_children": rubric.numchild, "live_pages": Page.objects.live().count()}))
"""


def recreate_database(engine: Engine, url: str) -> None:
    if engine.name == "sqlite":
        Path(urllib.parse.urlparse(url).path).unlink(missing_ok=True)
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def analyze(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def build(engine: Engine, args) -> dict:
    """The engine's project and stock sites, built once; the picked URLs are kept beside them."""
    VAR.mkdir(parents=True, exist_ok=True)
    state_file = VAR / f"load-{engine.name}.json"
    env = project_env(engine)
    if state_file.exists() and not args.fresh:
        state = json.loads(state_file.read_text(encoding="utf-8"))
        if state.get("pages_asked") == args.pages:
            run(env, "manage.py", "migrate", "--verbosity", "0")  # the tree may have gained migrations
            run(stock_env(engine), "-m", "django", "migrate", "--verbosity", "0")
            print(f"[{engine.name}] reusing the sites built {state['built']}", flush=True)
            return state
    started = time.perf_counter()
    print(f"[{engine.name}] building the project site and its stock copy ...", flush=True)
    for url in (engine.project_url, engine.stock_url):
        recreate_database(engine, url)
    run(env, "manage.py", "migrate", "--verbosity", "0")
    run(env, "manage.py", "bootstrap_site", "--demo")
    run(env, "manage.py", "generate_site", "--pages", str(args.pages), "--seed", "1")
    picks = next(
        json.loads(line[5:]) for line in run(env, "manage.py", "shell", "-c", PICK).splitlines() if line[:5] == "PICK "
    )
    stock = stock_env(engine)
    run(stock, "-m", "django", "migrate", "--verbosity", "0")
    copied = run(stock, "-m", "django", "copy_site", "--source", engine.project_url).strip()
    if engine.name == "postgresql":
        analyze(engine.project_url)
        analyze(engine.stock_url)
    state = {
        **picks,
        "pages_asked": args.pages,
        "stock_copy": copied,
        "built": f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        "build_seconds": round(time.perf_counter() - started, 1),
    }
    state_file.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"[{engine.name}] built in {state['build_seconds']} s: {copied}", flush=True)
    return state


# --- measuring ------------------------------------------------------------------------------------------------


def wrk(port: int, path: str, seconds: float, args, script: Path) -> dict:
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        WRK_TIMEOUT,
        "-s",
        str(script),
        f"http://127.0.0.1:{port}{path}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)  # noqa: S603
    line = next((line for line in result.stdout.splitlines() if line.startswith("LOADBENCH ")), None)
    if result.returncode or line is None:
        raise SystemExit(f"wrk failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return json.loads(line[len("LOADBENCH ") :])


def errors_of(turn: dict) -> dict:
    return {kind: turn[kind] for kind in ERROR_KINDS if turn[kind]}


def check_endpoint(port: int, case: Case) -> dict:
    """One request before measuring: 200 or the run fails; the X-Page-Cache answer after a second request."""
    status, headers, body = fetch(port, case.path)
    if status != 200:
        raise SystemExit(f"!!! {case.label} ({case.path}) answered {status} before measuring: run FAILED")
    status, headers, body = fetch(port, case.path)
    return {"bytes": len(body), "x_page_cache": headers.get("X-Page-Cache", "–")}


def measure_engine(engine: Engine, state: dict, args, script: Path, failures: list) -> dict:
    chosen = [case for case in cases(state) if case.key in args.cases.split(",")]
    if engine.redis_url:
        import redis

        redis.Redis.from_url(engine.redis_url).flushdb()
    servers, ports = {}, {}
    gunicorn_args = ("--worker-class", args.worker_class)
    if args.worker_class == "gthread":
        gunicorn_args += ("--threads", str(args.gunicorn_threads))
    try:
        for name, env, app, ready in (
            ("off", project_env(engine, page_cache=False), "cms.wsgi", "/bench/bare/"),
            ("on", project_env(engine, page_cache=True), "cms.wsgi", "/bench/bare/"),
            ("stock", stock_env(engine), "bench.stock.wsgi", "/"),
        ):
            if any(case.server == name for case in chosen):
                ports[name] = free_port()
                servers[name] = start_gunicorn(
                    ports[name], args.workers, app=app, env=env, ready_path=ready, extra_args=gunicorn_args
                )
        checks = {case.key: check_endpoint(ports[case.server], case) for case in chosen}
        turns = {case.key: [] for case in chosen}
        loads = {case.key: [] for case in chosen}
        for round_number in range(args.rounds):
            for case in chosen:
                port = ports[case.server]
                loads[case.key].append(os.getloadavg()[0])
                if args.warmup:
                    warm = wrk(port, case.path, args.warmup, args, script)
                    if errors_of(warm):
                        failures.append(f"{engine.name} {case.label}: warm-up errors {errors_of(warm)}")
                        print(f"!!! ERRORS in the warm-up of {case.label}: {errors_of(warm)}", flush=True)
                turn = wrk(port, case.path, args.duration / args.rounds, args, script)
                turns[case.key].append(turn)
                rate = turn["requests"] / (turn["duration_us"] / 1e6)
                print(
                    f"[{engine.name}] round {round_number + 1}/{args.rounds} {case.label:38s} {rate:8.1f} req/s  "
                    f"p50 {turn['p50_us'] / 1000:7.1f} ms  p95 {turn['p95_us'] / 1000:7.1f} ms  "
                    f"load {loads[case.key][-1]:.1f}",
                    flush=True,
                )
                if errors_of(turn):
                    failures.append(f"{engine.name} {case.label}: {errors_of(turn)}")
                    print(f"!!! ERRORS in {case.label}: {errors_of(turn)} — the run FAILS", flush=True)
        after = {case.key: check_endpoint(ports[case.server], case)["x_page_cache"] for case in chosen}
    finally:
        for server in servers.values():
            server.terminate()
        for server in servers.values():
            server.wait(timeout=30)
    results = {}
    for case in chosen:
        runs = turns[case.key]
        requests = sum(turn["requests"] for turn in runs)
        seconds = sum(turn["duration_us"] for turn in runs) / 1e6
        weighted = lambda field: sum(turn[field] * turn["requests"] for turn in runs) / max(requests, 1) / 1000  # noqa: E731, B023
        results[case.key] = {
            "label": case.label,
            "path": case.path,
            "requests": requests,
            "seconds": round(seconds, 2),
            "rps": requests / seconds if seconds else 0.0,
            "p50_ms": weighted("p50_us"),
            "p95_ms": weighted("p95_us"),
            "p95_worst_turn_ms": max(turn["p95_us"] for turn in runs) / 1000,
            "p99_ms": weighted("p99_us"),
            "max_ms": max(turn["max_us"] for turn in runs) / 1000,
            "errors": {kind: sum(turn[kind] for turn in runs) for kind in ERROR_KINDS},
            "bytes_per_response": checks[case.key]["bytes"],
            "x_page_cache": after[case.key],
            "load_1min": loads[case.key],
            "turns": runs,
        }
    return results


# --- the table ------------------------------------------------------------------------------------------------


def _ratio(a: dict | None, b: dict | None) -> float | None:
    return a["rps"] / b["rps"] if a and b and b["rps"] else None


def _verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("met" if ok else "**not met**")


def render(results: dict) -> str:
    engines = [name for name in ENGINES if name in results["engines"]]
    config = results["config"]
    load = results["load_at_start"]
    lines = [
        f"Run {results['started']} UTC (tree {results.get('commit', '?')}) on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average at start "
        f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1/5/15 min; the machine is shared). "
        f"gunicorn {config['workers']} {config['worker_class']} workers per server"
        + (f" × {config['gunicorn_threads']} threads" if config["worker_class"] == "gthread" else "")
        + f"; wrk {config['threads']} threads, {config['connections']} connections, {config['duration']:.0f} s per "
        f"endpoint in {config['rounds']} turn(s) taken in rotation, each after {config['warmup']:.0f} s of warm-up; "
        f"{config['pages']} generated pages + the bootstrapped site. Cache: Redis with PostgreSQL, local memory with "
        "SQLite.",
        "",
        "| endpoint | " + " | ".join(f"{_engine_title(e)} req/s | p50 ms | p95 ms" for e in engines) + " |",
        "|---|" + "---:|---:|---:|" * len(engines),
    ]
    keys = [key for key in TABLE_ORDER if any(key in results["engines"][e]["cases"] for e in engines)]
    for key in keys:
        label = next(
            results["engines"][e]["cases"][key]["label"] for e in engines if key in results["engines"][e]["cases"]
        )
        cells = []
        for engine in engines:
            row = results["engines"][engine]["cases"].get(key)
            if row is None:
                cells.append("– | – | –")
                continue
            bad = any(row["errors"].values())
            cells.append(f"{row['rps']:.1f}{' **ERRORS**' if bad else ''} | {row['p50_ms']:.0f} | {row['p95_ms']:.0f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| target (issue #16) | " + " | ".join(_engine_title(e) for e in engines) + " |",
        "|---|" + "---|" * len(engines),
    ]
    target_rows = [
        ("content page uncached ≥ stock Wagtail's content page", "content", "stock-content", 1.0),
        ("rubric page uncached vs stock rubric (no target)", "rubric", "stock-rubric", None),
        ("home page uncached vs stock home (no target)", "home", "stock-home", None),
        ("content page cached ≥ 0.5 × bare view", "content-cached", "bare", 0.5),
        ("rubric page cached ≥ 0.5 × bare view", "rubric-cached", "bare", 0.5),
        ("home page cached ≥ 0.5 × bare view", "home-cached", "bare", 0.5),
    ]
    for title, a, b, goal in target_rows:
        cells = []
        for engine in engines:
            rows = results["engines"][engine]["cases"]
            ratio = _ratio(rows.get(a), rows.get(b))
            if ratio is None:
                cells.append("–")
            else:
                cells.append(f"{ratio:.2f}×" + (f" ({_verdict(ratio >= goal)})" if goal else ""))
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    cells = []
    for engine in engines:
        rows = results["engines"][engine]["cases"]
        own = {key: row for key, row in rows.items() if not key.startswith("stock")}
        under = [key for key, row in own.items() if row["p95_ms"] < 200]
        worst = max(own.values(), key=lambda row: row["p95_ms"])
        cells.append(
            f"{len(under)} of {len(own)} under 200 ms; worst {worst['p95_ms']:.0f} ms, {worst['label']} "
            f"({_verdict(len(under) == len(own))})"
        )
    lines.append(
        f"| p95 < 200 ms at {config['connections']} connections, every project endpoint | " + " | ".join(cells) + " |"
    )
    cells = []
    for engine in engines:
        rows = results["engines"][engine]["cases"]
        total = sum(sum(row["errors"].values()) for row in rows.values())
        cells.append("0 (met)" if not total else f"**{total}** (not met)")
    lines.append("| errors (socket errors + status ≥ 400) | " + " | ".join(cells) + " |")
    hits = []
    for engine in engines:
        rows = results["engines"][engine]["cases"]
        answers = {
            rows[key]["x_page_cache"] for key in ("home-cached", "rubric-cached", "content-cached") if key in rows
        }
        hits.append(
            f"{_engine_title(engine)}: cached pages answered `X-Page-Cache: {', '.join(sorted(answers)) or '–'}`"
        )
    lines += ["", "; ".join(hits) + "."]
    return "\n".join(lines)


def _commit() -> str:
    """The tree measured: its commit, "+ uncommitted changes" when tracked files differ (work in progress)."""
    git = [shutil.which("git") or "git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)  # noqa: S603
    dirty = subprocess.run([*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True)  # noqa: S603
    return head.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")


def _engine_title(name: str) -> str:
    return {"postgresql": "PostgreSQL", "sqlite": "SQLite"}[name]


# --- main -----------------------------------------------------------------------------------------------------


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=",".join(ENGINES), help="postgresql,sqlite (in this order)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds measured per endpoint")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of the same load before each turn")
    parser.add_argument("--rounds", type=int, default=3, help="turns per endpoint, taken in rotation")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--worker-class", default="sync", choices=("sync", "gthread"))
    parser.add_argument("--gunicorn-threads", type=int, default=4, help="threads per worker with gthread")
    parser.add_argument(
        "--cases", default=DEFAULT_CASES, help=f"comma-separated, of: {DEFAULT_CASES},search-cached,api-cached"
    )
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--fresh", action="store_true", help="rebuild the sites")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5", help="the PostgreSQL runs' cache; flushed")
    parser.add_argument("--write-readme", action="store_true", help="put the table into bench/README.md")
    parser.add_argument("--from-json", type=Path, help="only render the table of an earlier run's results file")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        results = {
            "started": f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M}",
            "load_at_start": list(os.getloadavg()),
            "commit": _commit(),
            "config": {
                key: getattr(args, key)
                for key in (
                    "duration",
                    "connections",
                    "threads",
                    "warmup",
                    "rounds",
                    "workers",
                    "worker_class",
                    "gunicorn_threads",
                    "pages",
                    "cases",
                )
            },
            "engines": {},
        }
        print(f"load average at start: {results['load_at_start']}", flush=True)
        failures = []
        with tempfile.TemporaryDirectory() as folder:
            script = Path(folder) / "done.lua"
            script.write_text(LUA, encoding="utf-8")
            for name in args.engines.split(","):
                engine = engine_config(name, args)
                state = build(engine, args)
                started = time.perf_counter()
                rows = measure_engine(engine, state, args, script, failures)
                results["engines"][name] = {
                    "site": state,
                    "cases": rows,
                    "seconds": round(time.perf_counter() - started, 1),
                    "load_at_end": list(os.getloadavg()),
                }
                OUT.parent.mkdir(parents=True, exist_ok=True)
                OUT.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        results["failures"] = failures
        OUT.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    table = render(results)
    print("\n" + table)
    if args.write_readme:
        write_readme(ROOT / "bench" / "README.md", "load", table)
    if results.get("failures"):
        print("\n" + "!" * 100)
        print("!!! THE RUN FAILED: errors under load:")
        for failure in results["failures"]:
            print(f"!!!   {failure}")
        print("!" * 100)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
