"""Start-up runs with the cyclic garbage collector off; the collector is back on after it, start-up frozen."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

REPORT = "import gc, json; print(json.dumps([gc.isenabled(), gc.get_freeze_count()]))"


def collector_after_start(command, **env):
    result = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_manage_py_commands_run_with_the_collector_on_and_start_up_frozen(tmp_path):
    enabled, frozen = collector_after_start(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", REPORT],
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        CMS_VAR_DIR=str(tmp_path),
    )
    assert enabled
    # Models, URL and template machinery: far more than any single request or command allocates.
    assert frozen > 100_000


def test_the_wsgi_application_starts_with_the_collector_on(tmp_path):
    enabled, frozen = collector_after_start(
        [sys.executable, "-c", "import cms.wsgi; " + REPORT],
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 64,
        ALLOWED_HOSTS="example.org",
        CMS_VAR_DIR=str(tmp_path),
    )
    assert enabled
    assert frozen > 100_000
