"""Content-Security-Policy enforced on the citizen site and (with its few allowances) in the admin; the admin
calls no outside service: no Gravatar, no Wagtail release check (issue 15.3, 15.4)."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def test_citizen_pages_get_the_strict_policy_enforced(client, home_page):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy
    assert "Content-Security-Policy-Report-Only" not in response


def test_the_admin_gets_only_its_inline_allowances(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "nonce-" not in policy  # a nonce would make browsers ignore 'unsafe-inline'
    assert "unsafe-eval" not in policy and "default-src 'self'" in policy


def test_citizen_pages_have_no_inline_code_or_style(client, demo_site):
    for path in ["/", "/ob-administratsii/", "/ob-administratsii/struktura/poryadok-priyoma/", "/accessibility/"]:
        html = client.get(path).content.decode()
        assert "<style" not in html and 'style="' not in html, path
        assert "<script>" not in html, path


def test_the_admin_calls_no_outside_service(admin_client):
    user = get_user_model().objects.get(username="admin")
    user.email = "head@example.org"
    user.save()
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
    assert "data-w-upgrade" not in html and "releases.wagtail.io" not in html
    assert "Wagtail v" not in html  # the settings menu does not advertise the version either
