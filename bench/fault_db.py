"""Fault check: PostgreSQL goes away under a running site, then comes back.

    .venv/bin/python bench/fault_db.py            # needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust)

Builds a scratch database (cms_fault_check: migrate + bootstrap_site --demo, kept between runs), serves it with
gunicorn (DEBUG off, bench settings, CONN_MAX_AGE=60 with health checks as in production) through a TCP forwarder
on a loopback port, then: pages answer 200; the forwarder stops and drops its live connections (the database is
gone) -> the same pages answer 500 with the Russian error page, no traceback, at once; the forwarder starts again
on the same port -> 200 again, without restarting gunicorn. Exits non-zero when a step fails.
"""

import http.client
import io
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG = ("127.0.0.1", 5432)
DB_NAME = "cms_fault_check"
ERROR_PAGE = "Ошибка сервера"  # templates/500.html, «Server error» in Russian
TRACEBACK_SIGNS = ("Traceback", 'File "', "OperationalError", "psycopg")
BOUND = 10.0  # seconds an answer may take while the database is gone


class Forwarder:
    """A TCP forwarder to PostgreSQL that can be stopped (refusing new connections, cutting live ones) and restarted."""

    def __init__(self, target):
        self.target = target
        self.port = free_port()
        self.sockets = set()
        self.lock = threading.Lock()
        self.running = False

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        self.listener.settimeout(0.1)  # lets the accept loop notice stop()
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def stop(self):
        self.running = False
        self.thread.join()
        self.listener.close()
        with self.lock:
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            cut = len(self.sockets) // 2
            self.sockets.clear()
        return cut

    def _accept(self):
        while self.running:
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            client.settimeout(None)
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets |= {client, upstream}
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_database() -> str:
    """Create, migrate and fill the scratch database (direct to PostgreSQL); returns a content page's path."""
    import psycopg

    with psycopg.connect(host=PG[0], port=PG[1], user="postgres", dbname="postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone():
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DATABASE_URL"] = f"postgres://postgres@{PG[0]}:{PG[1]}/{DB_NAME}"
    os.environ.setdefault("CMS_VAR_DIR", str(ROOT / "var" / "bench" / "fault-var"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("bootstrap_site", "--demo", verbosity=0, stdout=io.StringIO())  # its summary: not this report
    from cms.pages.models import InformationPage

    page = InformationPage.objects.live().order_by("path").first()
    return page.get_url_parts()[2]


def start_gunicorn(db_port: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{db_port}/{DB_NAME}",
        "CONN_MAX_AGE": "60",
    }
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,  # its start and stop notices; the steps print what matters
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if fetch(port, "/")[0] == 200:
                return server, port
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("gunicorn did not start within 60 s")


def fetch(port, path) -> tuple[int, str, float]:
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace"), time.monotonic() - started
    finally:
        connection.close()


def step(port, paths, expect, rounds=4) -> bool:
    """Each path several times (so both workers answer); True when every answer is as expected."""
    ok = True
    for path in paths:
        answers = [fetch(port, path) for _ in range(rounds)]
        statuses = sorted({status for status, _, _ in answers})
        slowest = max(seconds for _, _, seconds in answers)
        notes = []
        if expect == 200:
            good = statuses == [200]
        else:
            bodies = [body for status, body, _ in answers]
            russian = all(ERROR_PAGE in body for body in bodies)
            traceback = any(sign in body for body in bodies for sign in TRACEBACK_SIGNS)
            good = statuses in ([500], [503]) and russian and not traceback and slowest <= BOUND
            notes.append(f"«{ERROR_PAGE}» in body: {russian}, traceback text: {traceback}")
        ok &= good
        verdict = "ok" if good else "FAILED"
        print(f"  GET {path}: {statuses} x{rounds}, slowest {slowest:.2f} s {' '.join(notes)} -> {verdict}")
    return ok


def main() -> None:
    started = time.monotonic()
    content = prepare_database()
    print(f"scratch database {DB_NAME} ready ({time.monotonic() - started:.1f} s); content page {content}")
    forwarder = Forwarder(PG)
    forwarder.start()
    server, port = start_gunicorn(forwarder.port)
    paths = ["/", content]
    results = []
    try:
        print(f"1. gunicorn on :{port}, database through the forwarder on :{forwarder.port}")
        results.append(step(port, paths, 200))
        cut = forwarder.stop()
        print(f"2. forwarder stopped: port {forwarder.port} refuses, {cut} live database connections cut")
        results.append(step(port, paths, 500))
        forwarder.start()
        print("3. forwarder started again on the same port (gunicorn not restarted)")
        results.append(step(port, paths, 200))
    finally:
        server.terminate()
        server.communicate(timeout=30)
        forwarder.stop()
    print("PASS" if all(results) else "FAIL")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
