"""Production logging: a 500 leaves a parseable trace on stderr (every logger, Django's included) and a mail to
ADMINS, both configured from the environment (issue 15.2)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cms.core.logformat import logging_config, parse_admins

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, logging
import django
django.setup()
from django.core import mail
from django.test import Client
from django.test.utils import override_settings
with override_settings(ROOT_URLCONF="tests.settings.boom_urls"):
    client = Client(raise_request_exception=False, HTTP_HOST="example.org")
    client.cookies["sessionid"] = "citizen-session-secret"
    response = client.get("/boom/", secure=True)
logging.getLogger("some.library").warning("disk %s is almost full", "/var")
logging.getLogger("some.library").info("chatter nobody needs")
outbox = getattr(mail, "outbox", [])
print(json.dumps({"status": response.status_code, "mail": [[m.to, m.subject, m.body] for m in outbox]}))
"""


def run_production(tmp_path, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"ADMINS", "LOG_FORMAT", "DATABASE_URL"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 64,
        ALLOWED_HOSTS="example.org",
        CMS_VAR_DIR=str(tmp_path),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        PYTHONPATH=str(ROOT),
        **env,
    )
    result = subprocess.run(  # noqa: S603 - fixed interpreter and script
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


def test_a_server_error_is_logged_as_json_on_stderr_and_mailed_to_admins(tmp_path):
    outcome, stderr = run_production(tmp_path, ADMINS="Дежурный <duty@example.org>, ops@example.org")
    assert outcome["status"] == 500
    records = [json.loads(line) for line in stderr.splitlines() if line.strip()]  # every line is JSON
    [error] = [r for r in records if r["logger"] == "django.request"]
    assert error["level"] == "ERROR"
    assert error["path"] == "/boom/" and error["method"] == "GET" and error["status_code"] == 500
    assert "RuntimeError: the database said no" in error["exception"]
    assert error["time"].endswith("+00:00")
    # Other libraries' warnings reach the log too; their chatter below WARNING does not.
    assert [r["message"] for r in records if r["logger"] == "some.library"] == ["disk /var is almost full"]
    assert "citizen-session-secret" not in stderr  # cookies and headers stay out of the log
    [message] = outcome["mail"]
    assert message[0] == ["duty@example.org", "ops@example.org"]
    assert "Internal Server Error: /boom/" in message[1]


def test_without_admins_nothing_is_mailed_and_the_log_still_has_the_error(tmp_path):
    outcome, stderr = run_production(tmp_path)
    assert outcome["mail"] == []
    assert "the database said no" in stderr


def test_key_value_format_for_a_terminal(tmp_path):
    _outcome, stderr = run_production(tmp_path, LOG_FORMAT="text")
    assert "level=ERROR logger=django.request message=Internal Server Error: /boom/" in stderr


def test_an_unknown_format_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="json, text"):
        logging_config(fmt="xml")


@pytest.mark.parametrize(
    ("value", "admins"),
    [
        ("", []),
        ("ops@example.org", [("ops@example.org", "ops@example.org")]),
        (
            " Иван Петров <ivan@example.org> , b@example.org,",
            [("Иван Петров", "ivan@example.org"), ("b@example.org", "b@example.org")],
        ),
    ],
)
def test_admins_from_the_environment(value, admins):
    assert parse_admins(value) == admins
