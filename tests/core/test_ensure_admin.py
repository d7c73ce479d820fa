from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_creates_admin_with_generated_password_once(monkeypatch):
    monkeypatch.delenv("CMS_ADMIN_PASSWORD", raising=False)
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().strip().rsplit(" ", 1)[-1]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)

    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert password not in again.getvalue()
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_takes_credentials_from_environment(monkeypatch):
    monkeypatch.setenv("CMS_ADMIN_USERNAME", "chief")
    monkeypatch.setenv("CMS_ADMIN_PASSWORD", "s3cret-pass")
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "s3cret-pass" not in out.getvalue()
    assert get_user_model().objects.get(username="chief").check_password("s3cret-pass")
