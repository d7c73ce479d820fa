"""Link-checker benchmark: the project's `check_links` against LinkChecker on the same generated site.

    .venv/bin/python bench/linkcheck_bench.py            # ~5-10 minutes on 2 cores; loopback traffic only

Steps: a fresh SQLite site of --pages pages (generate_site, with its ground truth of broken links); test hosts on
127.0.0.2 ... (bench/hosts.py); the site served by gunicorn on 127.0.0.1 for LinkChecker; LinkChecker (10 threads,
per-host rate cap lifted in its config file, anchors checked); then `check_links` (full) and `check_links
--incremental` on the unchanged site. Same timeout for both; at most 10 connections per host for both (LinkChecker
has 10 threads in all; the checker's LINKCHECK_MAX_PER_HOST=10), verified by the test hosts' peak counters.
Results: a table on stdout, bench/out/linkcheck.json, and the table in bench/README.md (with --write-readme).
Install LinkChecker first: python3 -m venv bench/.venv-linkchecker && bench/.venv-linkchecker/bin/pip install -r
bench/requirements.txt
"""

import argparse
import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.compare import compare, linkchecker_broken, load_ground_truth, project_broken, truth_sets  # noqa: E402
from bench.proctree import PeakSampler, measure  # noqa: E402
from bench.report import render_table, write_readme  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
LINKCHECKER = ROOT / "bench" / ".venv-linkchecker" / "bin" / "linkchecker"

LINKCHECKERRC = """[checking]
threads=10
timeout={timeout}
# Above 10 only through this file; applies to hosts answering with a `LinkChecker` header (all of ours).
maxrequestspersecond=10000
recursionlevel=-1

[filtering]
checkextern=1
# The citizen-site chrome's per-page toggle (/accessibility/?mode=on&next=<page>) is outside <main>, which the
# project's checker reads (LINKCHECK_CONTENT_SELECTOR); skip it so both check the same links.
ignore=
  /accessibility/

[output]
status=0
warnings=1

[AnchorCheck]
"""

EXPORT_FINDINGS = """
import json
from cms.linkcheck.models import LinkFinding
rows = LinkFinding.objects.open().filter(rule__in=LinkFinding.TARGET_KINDS).select_related("page")
print(json.dumps([{"page_url": f.page.url, "url": f.url} for f in rows]))
"""


def wait_for_port(host: str, port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing listens on {host}:{port} after {seconds:.0f} s")


def host_stats(port: int, reset: bool = False) -> dict:
    url = f"http://127.0.0.2:{port}/__reset" if reset else f"http://127.0.0.2:{port}/__stats"
    request = urllib.request.Request(url, method="POST" if reset else "GET")  # noqa: S310 -- loopback only
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        return {} if reset else json.load(response)


def manage(env, *args, timeout=1800) -> subprocess.CompletedProcess:
    result = subprocess.run(  # noqa: S603
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--links-per-page", type=int, default=10)
    parser.add_argument("--hosts", type=int, default=20, help="test hosts 127.0.0.2 ... (at least 20 for issue 5)")
    parser.add_argument("--timeout", type=int, default=3, help="seconds, the same for both checkers")
    parser.add_argument("--host-port", type=int, default=8765)
    parser.add_argument("--site-port", type=int, default=8766)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers serving the site to LinkChecker")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "cms-linkcheck-bench")
    parser.add_argument("--skip-linkchecker", action="store_true", help="only the project's checker")
    parser.add_argument("--write-readme", action="store_true", help="put the table into bench/README.md")
    parser.add_argument("--from-json", type=Path, help="only render the table of an earlier run's results file")
    return parser.parse_args()


def prepare(args) -> dict:
    shutil.rmtree(args.workdir, ignore_errors=True)
    (args.workdir / "lc").mkdir(parents=True)
    (args.workdir / "var" / "static").mkdir(parents=True)
    # LinkChecker run as root drops to `nobody`: its folder must be open to that user.
    args.workdir.chmod(0o755)
    (args.workdir / "lc").chmod(0o777)
    return prepare_env(args)


def prepare_env(args) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=f"sqlite:///{args.workdir / 'db.sqlite3'}",
        CMS_VAR_DIR=str(args.workdir / "var"),
        PYTHONPATH=str(ROOT),
        LINKCHECK_ALLOWED_NETWORKS="127.0.0.0/8",
        LINKCHECK_MAX_PER_HOST="10",
        LINKCHECK_TIMEOUT=str(args.timeout),
        LINKCHECK_CONNECT_TIMEOUT=str(args.timeout),
    )
    return env


def run(args) -> dict:
    env = prepare(args)
    site = f"http://127.0.0.1:{args.site_port}"
    results = {
        "config": {k: str(v) for k, v in vars(args).items()},
        "started": f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M}",
    }
    manage(env, "migrate", "--noinput", "-v0")
    started = time.monotonic()
    truth_path = args.workdir / "ground_truth.jsonl"
    manage(
        env,
        "generate_site",
        f"--pages={args.pages}",
        f"--links-per-page={args.links_per_page}",
        f"--external-hosts={args.hosts}",
        f"--external-port={args.host_port}",
        "--no-index",
        f"--ground-truth={truth_path}",
    )
    results["generate_seconds"] = time.monotonic() - started
    truth_rows = load_ground_truth(truth_path)
    links, broken, kinds = truth_sets(truth_rows, site)
    results["truth"] = {
        "links": len(truth_rows),
        "distinct_links": len(links),
        "broken": len(broken),
        "distinct_external_urls": len({r["href"] for r in truth_rows if r["kind"].startswith("external_")}),
    }
    root_path = truth_rows[0]["source"]

    hosts = subprocess.Popen(  # noqa: S603
        [str(PYTHON), "bench/hosts.py", f"--hosts={args.hosts}", f"--port={args.host_port}", "--hang=60"],
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port("127.0.0.2", args.host_port)
        if not args.skip_linkchecker:
            results["linkchecker"] = run_linkchecker(args, env, site, root_path, broken, kinds)
        results["project"] = run_project(args, env, site, broken, kinds)
    finally:
        hosts.terminate()
        hosts.wait(timeout=10)
    return results


def run_linkchecker(args, env, site, root_path, broken, kinds) -> dict:
    rc = args.workdir / "lc" / "linkcheckerrc"
    rc.write_text(LINKCHECKERRC.format(timeout=args.timeout))
    rc.chmod(0o644)
    server = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "cms.wsgi:application",
            f"--workers={args.workers}",
            f"--bind=127.0.0.1:{args.site_port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    server_memory = PeakSampler([server.pid], interval=0.2)
    try:
        wait_for_port("127.0.0.1", args.site_port)
        urllib.request.urlopen(f"{site}{root_path}", timeout=30).read()  # noqa: S310 -- warm the workers
        host_stats(args.host_port, reset=True)
        server_memory.start()
        csv_path = args.workdir / "lc" / "linkchecker.csv"
        command = [str(LINKCHECKER), "-f", str(rc), "--no-status", "-o", "csv", f"{site}{root_path}"]
        load_before = os.getloadavg()[0]
        measured = measure(command, cwd=args.workdir / "lc", timeout=3600, stdout_path=csv_path)
    finally:
        server_peak = server_memory.stop() if server_memory.is_alive() else 0
        server.terminate()
        server.wait(timeout=30)
    found, rows = linkchecker_broken(csv_path, site)
    return {
        "seconds": measured.seconds,
        "peak_mb": measured.peak_mb,
        "server_peak_mb": server_peak / 1024,
        "load": [load_before, os.getloadavg()[0]],
        "returncode": measured.returncode,
        "rows": rows,
        "hosts": host_stats(args.host_port),
        "comparison": compare(found, broken, kinds),
        "stderr_tail": measured.stderr[-2000:],
    }


def run_project(args, env, site, broken, kinds) -> dict:
    host_stats(args.host_port, reset=True)
    load_before = os.getloadavg()[0]
    full = measure([str(PYTHON), "manage.py", "check_links"], env=env, cwd=ROOT, timeout=3600)
    hosts_full = host_stats(args.host_port)
    findings = json.loads(manage(env, "shell", "-c", EXPORT_FINDINGS).stdout.strip().splitlines()[-1])
    host_stats(args.host_port, reset=True)
    incremental = measure([str(PYTHON), "manage.py", "check_links", "--incremental"], env=env, cwd=ROOT, timeout=3600)
    return {
        "seconds": full.seconds,
        "load": [load_before, os.getloadavg()[0]],
        "peak_mb": full.peak_mb,
        "returncode": full.returncode,
        "summary": full.stdout.strip().splitlines()[-1:] if full.stdout else [],
        "stderr_tail": full.stderr[-2000:],
        "hosts": hosts_full,
        "comparison": compare(project_broken(findings, site), broken, kinds),
        "incremental_seconds": incremental.seconds,
        "incremental_peak_mb": incremental.peak_mb,
        "incremental_summary": incremental.stdout.strip().splitlines()[-1:] if incremental.stdout else [],
        "incremental_requests": sum(host_stats(args.host_port)["requests"].values()),
    }


def recompare(args, results: dict) -> dict:
    """Redo both comparisons from the artefacts an earlier run left in --workdir (CSV, ground truth, database)."""
    env = prepare_env(args)
    site = f"http://127.0.0.1:{args.site_port}"
    _links, broken, kinds = truth_sets(load_ground_truth(args.workdir / "ground_truth.jsonl"), site)
    if results.get("linkchecker"):
        found, _rows = linkchecker_broken(args.workdir / "lc" / "linkchecker.csv", site)
        results["linkchecker"]["comparison"] = compare(found, broken, kinds)
    findings = json.loads(manage(env, "shell", "-c", EXPORT_FINDINGS).stdout.strip().splitlines()[-1])
    results["project"]["comparison"] = compare(project_broken(findings, site), broken, kinds)
    return results


def main() -> None:
    args = parse_args()
    if not args.from_json and not args.skip_linkchecker and not LINKCHECKER.exists():
        raise SystemExit(f"{LINKCHECKER} is missing; see the install line in this script's docstring.")
    if args.from_json:
        results = recompare(args, json.loads(args.from_json.read_text()))
    else:
        results = run(args)
        out = ROOT / "bench" / "out"
        out.mkdir(exist_ok=True)
        (out / "linkcheck.json").write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    table = render_table(results)
    print(table)
    if args.write_readme:
        write_readme(ROOT / "bench" / "README.md", "linkcheck", table)


if __name__ == "__main__":
    main()
