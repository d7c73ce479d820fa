"""Database connections: kept for a minute on both engines, checked before reuse on PostgreSQL."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ = (
    "import json; from cms.settings import base; d = base.DATABASES['default']; "
    "print(json.dumps([d['ENGINE'], d.get('CONN_MAX_AGE'), d.get('CONN_HEALTH_CHECKS', False)]))"
)


def database_settings(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CONN_MAX_AGE"}}
    environment.update(env)
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", READ], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(result.stdout)


def test_postgresql_connections_live_a_minute_and_are_checked_before_reuse():
    url = "postgres://cms@127.0.0.1:5432/cms"
    assert database_settings(DATABASE_URL=url) == ["django.db.backends.postgresql", 60, True]
    assert database_settings(DATABASE_URL=url, CONN_MAX_AGE="0")[1] == 0


def test_sqlite_connections_live_a_minute_too_without_health_checks(tmp_path):
    # A new SQLite connection parses the schema and starts with a cold page cache (6-8 ms of a search).
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert database_settings(DATABASE_URL=url) == ["django.db.backends.sqlite3", 60, False]
    assert database_settings(DATABASE_URL=url, CONN_MAX_AGE="0")[1] == 0
