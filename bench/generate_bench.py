"""Time `manage.py generate_site` on a fresh SQLite database and check the tree it leaves.

.venv/bin/python bench/generate_bench.py --pages 10000 [--write-readme]
"""

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.proctree import measure  # noqa: E402
from bench.report import write_readme  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")

CHECK_TREE = """
from wagtail.models import Page
from django.test import Client
problems = Page.find_problems()
root = Page.objects.filter(slug="generated-1").first()
sample = list(root.get_descendants().order_by("?")[:20])
statuses = {Client().get(page.url).status_code for page in sample}
print(f"problems={sum(len(p) for p in problems)} statuses={sorted(statuses)}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--links-per-page", type=int, default=10)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "cms-generate-bench")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=f"sqlite:///{args.workdir / 'db.sqlite3'}",
        CMS_VAR_DIR=str(args.workdir / "var"),
        PYTHONPATH=str(ROOT),
    )
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    rows = []
    for label, extra in (("with search index", []), ("--no-index", ["--no-index"])):
        command = [PYTHON, "manage.py", "generate_site", f"--pages={args.pages}", "--seed=1", *extra]
        command.append(f"--links-per-page={args.links_per_page}")
        result = measure(command, env=env, cwd=ROOT, timeout=3600)
        if result.returncode:
            raise SystemExit(result.stderr)
        phases = ", ".join(line.replace(": ", " ") for line in result.stdout.splitlines() if line.endswith(" s"))
        rows.append(f"| {args.pages} pages, {label} | {result.seconds:.1f} s | {result.peak_mb:.0f} MB | {phases} |")
    check = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "shell", "-c", CHECK_TREE], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    table = "\n".join(
        [
            f"Run {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, SQLite, {os.cpu_count()} CPUs "
            f"(process start and Django setup included; second run adds a second tree beside the first).",
            "",
            "| run | wall time | peak RSS | phases |",
            "|---|---|---|---|",
            *rows,
            "",
            f"After both runs, tree problems / 20 random pages served: {check.stdout.strip().splitlines()[-1]}",
        ]
    )
    print(table)
    if args.write_readme:
        write_readme(ROOT / "bench" / "README.md", "generate", table)


if __name__ == "__main__":
    main()
