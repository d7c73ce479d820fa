"""Deadlines through ownership's public API: registry changes and discussion periods make the owner unit's work due."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from cms.declarations.models import Indicator
from cms.ownership import api as ownership
from tests.declarations.conftest import around, indicator, make_declaration, make_draft

pytestmark = pytest.mark.django_db


def _record(page):
    return ownership.ownership_record_of(type(page).objects.get(pk=page.pk))


def test_changing_an_indicator_makes_the_declaration_due_within_three_days(area):
    page = make_declaration(area["declarations"], 2026)
    assert _record(page).change_due is None  # publishing counted as a review
    Indicator.objects.create(declaration=page, name="Срок ответа", unit="дней")
    record = _record(page)
    assert record.change_due == timezone.localdate() + timedelta(days=3)
    assert record.change_reason == "Изменены показатели или фактические значения"
    page.save_revision().publish()
    assert _record(page).change_due is None  # publishing the page is the review


def test_deleting_an_indicator_also_starts_the_deadline(area):
    page = make_declaration(area["declarations"], 2026, indicators=[indicator("Показатель", target_q1=1)])
    page.save_revision().publish()
    Indicator.objects.get().delete()
    assert _record(page).change_due == timezone.localdate() + timedelta(days=3)


def test_publishing_a_draft_with_a_discussion_makes_the_summary_due_ten_days_after_it_ends(area):
    today = timezone.localdate()
    start, end = around(today, 1, 5)
    page = make_draft(area["drafts"], "srok", [("initiation", today), ("discussion", start)], discussion=(start, end))
    record = _record(page)
    assert record.change_due == end + timedelta(days=10)
    assert record.change_reason == "Опубликовать сводку предложений"


def test_no_summary_deadline_once_the_summary_is_published(area):
    page = make_draft(
        area["drafts"],
        "gotovo",
        [("initiation", date(2026, 1, 1)), ("discussion", date(2026, 1, 10)), ("summary", date(2026, 2, 1))],
        discussion=(date(2026, 1, 10), date(2026, 1, 20)),
    )
    assert _record(page).change_due is None


def test_a_proposal_makes_the_summary_due(client, area):
    today = timezone.localdate()
    start, end = around(today, 0, 4)
    page = make_declaration(area["declarations"], today.year, discussion=(start, end))
    assert _record(page).change_due is None
    response = client.post(page.url, {"name": "Иван", "email": "i@example.ru", "text": "Предложение.", "consent": "on"})
    assert response.status_code == 302
    assert _record(page).change_due == end + timedelta(days=10)
