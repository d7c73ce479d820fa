"""A `manage.py check_links` killed (SIGKILL) in the middle: the next run finishes the work, each finding once.

The killed run is a real subprocess, stopped while it waits for a hanging host (its pages rendered, some URLs
fetched); the next run is an ordinary one in this process, against the same database.
"""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.linkcheck.models import CheckRun, LinkFinding, UrlCheck

from . import servers
from .subprocess_db import database_url

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def kill_in_the_middle(tmp_path, server, *args):
    """Start check_links, SIGKILL it once it waits for the server's /hang, before it could store anything."""
    with database_url(tmp_path) as url:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": url,
            "LINKCHECK_ALLOWED_NETWORKS": "127.0.0.0/8",
            "LINKCHECK_TIMEOUT": "30",
        }
        process = subprocess.Popen(  # noqa: S603 - this repository's manage.py, fixed arguments
            [sys.executable, "manage.py", "check_links", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while not any(path == "/hang" for _method, path in server.requests):
                assert process.poll() is None, "check_links ended before reaching the hanging host"
                assert time.monotonic() < deadline, "check_links never reached the hanging host"
                time.sleep(0.05)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(10)


def check_links(*args):
    call_command("check_links", *args, stdout=StringIO())


def open_findings():
    """(page, rule, url) of every open finding, with repeats: a duplicate shows up twice."""
    return sorted(LinkFinding.objects.open().values_list("page_id", "rule", "url"))


def test_a_killed_full_run_is_finished_by_the_next_run(tmp_path, make_page, http_server, linkcheck_settings):
    missing, hang = http_server.url("/missing"), http_server.url("/hang")
    first = make_page(f'<p><a href="{missing}">Отчёт</a> <a href="/no-such-page/">Архив</a></p>', slug="first")
    check_links()  # findings that exist before the killed run
    second = make_page(f'<p><a href="{hang}">Реестр</a></p>', slug="second")

    kill_in_the_middle(tmp_path, http_server)
    assert CheckRun.objects.filter(finished_at__isnull=True).count() == 0  # nothing left half open
    assert CheckRun.objects.count() == 1  # the killed run recorded nothing

    check_links()
    assert open_findings() == sorted(
        [
            (first.id, "broken-link", missing),
            (first.id, "broken-link", "/no-such-page/"),
            (second.id, "unreachable-link", hang),
        ]
    )
    assert CheckRun.objects.count() == 2
    assert not CheckRun.objects.filter(finished_at__isnull=True).exists()


def test_a_killed_incremental_run_loses_no_change_of_an_unchanged_page(
    tmp_path, make_page, http_server, linkcheck_settings
):
    """The killed run already fetched the expired URL and saw it go down; the next run must still report it."""
    elsewhere = servers.start()
    gone = elsewhere.url("/ok")
    unchanged = make_page(f'<p><a href="{gone}">Постановление</a></p>', slug="unchanged")
    changed = make_page("<p>Пока без ссылок</p>", slug="changed")
    check_links()
    assert open_findings() == []
    servers.stop(elsewhere)  # the site behind the link goes down ...
    UrlCheck.objects.update(expires_at=timezone.now() - timedelta(minutes=1))  # ... and its cached answer expires
    changed.intro = f'<p><a href="{http_server.url("/hang")}">Реестр</a></p>'
    changed.save_revision().publish()

    kill_in_the_middle(tmp_path, http_server, "--incremental")
    check_links("--incremental")

    assert open_findings() == sorted(
        [(unchanged.id, "unreachable-link", gone), (changed.id, "unreachable-link", http_server.url("/hang"))]
    )
    assert not CheckRun.objects.filter(finished_at__isnull=True).exists()
