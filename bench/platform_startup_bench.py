"""Start-up cost with and without cms/core/wagtail_apps.py's configs (Wagtail's v3 API left out).

Usage: PYTHONPATH=$PWD .venv/bin/python bench/platform_startup_bench.py [runs]

Each run is a fresh interpreter importing Django and running django.setup() with the test settings, once with
the project's INSTALLED_APPS and once with Wagtail's stock app configs. It reports the median CPU time
(user + system, so a loaded machine distorts it less than wall time) of each and the difference. The figure
is quoted in cms/core/wagtail_apps.py; re-run it after a Wagtail upgrade.
"""

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STOCK_SETTINGS = """\
from cms.settings.test import *  # noqa: F403
from cms.settings.test import INSTALLED_APPS as _APPS

_STOCK = {
    "cms.core.wagtail_apps.RedirectsConfig": "wagtail.contrib.redirects",
    "cms.core.wagtail_apps.SnippetsConfig": "wagtail.snippets",
    "cms.core.wagtail_apps.DocumentsConfig": "wagtail.documents",
    "cms.core.wagtail_apps.ImagesConfig": "wagtail.images",
}
INSTALLED_APPS = [_STOCK.get(app, app) for app in _APPS]
"""

PROBE = "import time; t = time.process_time(); import django; django.setup(); print(time.process_time() - t)"


def cpu_seconds(settings_module: str, extra_path: str, runs: int) -> list[float]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "PYTHONPATH": os.pathsep.join([str(ROOT), extra_path]),
        "CMS_VAR_DIR": extra_path,
    }
    times = []
    for _ in range(runs):
        out = subprocess.run(  # noqa: S603
            [sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return times


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "stock_wagtail_settings.py").write_text(STOCK_SETTINGS, encoding="utf-8")
        ours = statistics.median(cpu_seconds("cms.settings.test", tmp, runs))
        stock = statistics.median(cpu_seconds("stock_wagtail_settings", tmp, runs))
    sys.stdout.write(
        f"django.setup(), median CPU of {runs} runs: project configs {ours:.2f} s, Wagtail's configs {stock:.2f} s, "
        f"saved {stock - ours:.2f} s ({(stock - ours) / stock:.0%})\n"
    )


if __name__ == "__main__":
    main()
