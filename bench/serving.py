"""Serving a site for the HTTP benchmarks: a free loopback port, gunicorn started and awaited, one plain GET."""

import http.client
import os
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body
    finally:
        connection.close()


def start_gunicorn(
    port: int,
    workers: int,
    *,
    app: str = "cms.wsgi",
    env: dict | None = None,
    ready_path: str = "/bench/bare/",
    extra_args: tuple[str, ...] = (),
) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:``port`` with ``workers`` workers, returned once ``ready_path`` answers 200.

    Persistent database connections unless ``env`` says otherwise (CONN_MAX_AGE), as production runs them.
    """
    env = {"CONN_MAX_AGE": "60", **(os.environ if env is None else env), "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            *extra_args,
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn ({app}) exited with status {server.returncode} while starting")
        try:
            status, _, _ = fetch(port, ready_path)
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"gunicorn ({app}) did not start within 60 s")
