"""Registry changes start the review deadline of the page that shows them (ownership's public API)."""

import datetime

import pytest
from django.utils import timezone

from cms.anticorruption import deadlines
from cms.anticorruption.models import CommissionMeeting, CommissionMember, DisclosureCampaign
from cms.ownership import api as ownership

pytestmark = pytest.mark.django_db


def _record(page):
    return ownership.ownership_record_of(page.__class__.objects.get(pk=page.pk))


def test_commission_member_change_starts_a_three_day_deadline(section):
    page = section["komissiya-po-konfliktu-interesov"]
    CommissionMember.objects.create(name="Новый Член Комиссии", role="member")
    record = _record(page)
    assert record.change_due == timezone.localdate() + datetime.timedelta(days=deadlines.COMMISSION_DAYS)
    assert "Новый Член Комиссии" in record.change_reason
    assert record.review_due <= record.change_due


def test_commission_meeting_starts_the_deadline(section):
    CommissionMeeting.objects.create(date=datetime.date(2026, 1, 20), agenda="Повестка")
    assert "20.01.2026" in _record(section["komissiya-po-konfliktu-interesov"]).change_reason


def test_new_campaign_starts_the_disclosures_deadline(section):
    DisclosureCampaign.objects.create(year=2026)
    record = _record(section["svedeniya-o-dokhodakh"])
    assert record.change_due == timezone.localdate() + datetime.timedelta(days=deadlines.DISCLOSURE_DAYS)
    assert "2026" in record.change_reason


def test_publishing_the_page_clears_the_deadline(section):
    CommissionMember.objects.create(name="Член Комиссии", role="member")
    page = section["komissiya-po-konfliktu-interesov"]
    page.save_revision().publish()
    assert _record(page).change_due is None


def test_import_starts_the_deadline(client, section):
    from django.contrib.auth.models import User

    from .helpers import valid_lines, xlsx

    campaign = DisclosureCampaign.objects.create(year=2025)
    page = section["svedeniya-o-dokhodakh"]
    page.save_revision().publish()  # clears the deadline the new campaign started
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "x"))
    client.post("/admin/anticorruption/import/", {"campaign": campaign.pk, "file": xlsx(valid_lines(1))})
    assert "2025" in _record(page).change_reason
