"""A DATABASE_URL through which a `manage.py` subprocess sees this test's database (committed data only).

PostgreSQL: the test database itself. SQLite: the test database lives in this process's memory, so it is copied to
a file for the subprocess and copied back when the block ends (the sqlite3 backup API: whole pages, milliseconds).
"""

import sqlite3
from contextlib import closing, contextmanager
from urllib.parse import quote

from django.db import connection


@contextmanager
def database_url(tmp_path):
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{quote(settings['PASSWORD'])}" if settings.get("PASSWORD") else ""
        user = quote(settings.get("USER") or "postgres")
        host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
        yield f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"
        return
    if not connection.is_in_memory_db():
        yield f"sqlite:///{settings['NAME']}"
        return
    path = tmp_path / "subprocess.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
    yield f"sqlite:///{path}"
    with closing(sqlite3.connect(path)) as copy:
        copy.backup(connection.connection)
