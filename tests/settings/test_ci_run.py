"""`.ci/run`: with CI=true a PostgreSQL server that does not answer fails the run instead of being skipped."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fake_tools(tmp_path):
    """`make` that only records it ran, `pg_isready` that says no server; chromium and java seem installed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    scripts = {
        "make": f'#!/bin/sh\necho "$@" >> {tmp_path}/make.log\n',
        "pg_isready": "#!/bin/sh\nexit 2\n",
        "chromium": "#!/bin/sh\nexit 0\n",
        "java": "#!/bin/sh\nexit 0\n",
    }
    for name, text in scripts.items():
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    return bin_dir


def run_ci(fake_tools, **env):
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    environment.update(PATH=f"{fake_tools}:{os.environ['PATH']}", **env)
    return subprocess.run(  # noqa: S603
        ["/bin/bash", str(ROOT / ".ci" / "run")], env=environment, capture_output=True, text=True, timeout=60
    )


def test_ci_fails_without_postgresql(fake_tools):
    result = run_ci(fake_tools, CI="true")
    assert result.returncode == 1
    assert "CI=true expects it" in result.stderr
    assert not (fake_tools.parent / "make.log").exists()  # failed before the long SQLite run


def test_a_local_run_skips_postgresql_with_a_notice(fake_tools):
    result = run_ci(fake_tools)
    assert result.returncode == 0, result.stderr
    assert "skipped the PostgreSQL run" in result.stdout
    assert (fake_tools.parent / "make.log").read_text().strip() == "test"
