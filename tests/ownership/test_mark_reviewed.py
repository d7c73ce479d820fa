"""«Отметить как проверенную»: no new revision, a log entry with the user, a new due date; edit permission only."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from cms.ownership.models import Ownership
from cms.ownership.rules import ReviewRule
from cms.ownership.writer import MARK_REVIEWED_ACTION, mark_reviewed

pytestmark = pytest.mark.django_db


@pytest.fixture
def stale_page(make_page, unit):
    page = make_page(owner_unit=unit, review_rule=ReviewRule.CONTINUOUS, review_interval_days=30)
    long_ago = timezone.now() - timedelta(days=100)
    Ownership.objects.filter(page=page).update(last_reviewed_at=long_ago)
    page.refresh_from_db()
    mark_reviewed(page, None, when=long_ago)  # due date now lies in the past
    page.refresh_from_db()
    assert page.review_due < timezone.localdate()
    return page


def test_mark_reviewed_service_logs_and_keeps_revisions(stale_page, admin_user):
    revisions_before = stale_page.revisions.count()
    mark_reviewed(stale_page, admin_user)
    stale_page.refresh_from_db()
    assert stale_page.revisions.count() == revisions_before
    assert stale_page.review_due == timezone.localdate() + timedelta(days=30)
    assert Ownership.objects.get(page=stale_page).review_due == stale_page.review_due
    entry = PageLogEntry.objects.filter(page=stale_page, action=MARK_REVIEWED_ACTION).latest("timestamp")
    assert entry.user == admin_user
    assert str(entry.message) in {"Marked as reviewed", "Отмечена как проверенная"}


def test_editor_marks_reviewed_from_the_admin(client, stale_page, unit, make_editor):
    editor = make_editor(unit)
    client.force_login(editor)
    url = reverse("ownership:mark_reviewed", args=[stale_page.ownership_record.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    response = client.post(url, {"next": reverse("ownership:review_report")})
    assert response.status_code == 302
    assert response["Location"] == reverse("ownership:review_report")
    stale_page.refresh_from_db()
    assert stale_page.review_due >= timezone.localdate()
    assert PageLogEntry.objects.filter(page=stale_page, action=MARK_REVIEWED_ACTION, user=editor).exists()


def test_user_without_edit_permission_gets_403(client, stale_page, make_unit, make_editor):
    outsider = make_editor(None)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    due_before = stale_page.review_due
    response = client.post(reverse("ownership:mark_reviewed", args=[stale_page.ownership_record.pk]))
    assert response.status_code == 403
    stale_page.refresh_from_db()
    assert stale_page.review_due == due_before
    assert not PageLogEntry.objects.filter(page=stale_page, action=MARK_REVIEWED_ACTION, user=outsider).exists()


def test_get_does_not_mark(client, stale_page, admin_user):
    client.force_login(admin_user)
    due_before = stale_page.review_due
    client.get(reverse("ownership:mark_reviewed", args=[stale_page.ownership_record.pk]))
    stale_page.refresh_from_db()
    assert stale_page.review_due == due_before


def test_action_menu_offers_mark_reviewed(client, stale_page, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[stale_page.pk]))
    assert response.status_code == 200
    assert reverse("ownership:mark_reviewed", args=[stale_page.ownership_record.pk]) in response.content.decode()


def test_edit_view_has_the_ownership_tab(client, stale_page, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[stale_page.pk])).content.decode()
    assert "Ответственность и сроки" in html
    assert 'name="owner_unit"' in html


def test_history_shows_the_review(client, stale_page, admin_user):
    mark_reviewed(stale_page, admin_user)
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:history", args=[stale_page.pk])).content.decode()
    assert "Отмечена как проверенная" in html
