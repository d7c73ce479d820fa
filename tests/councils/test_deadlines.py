"""The roadmap's deadlines (5.1–5.5) through the ownership engine: change → due in 3 days → publishing clears it."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.councils import deadlines
from cms.councils.models import (
    CouncilCompositionsPage,
    CouncilFormationPage,
    CouncilMeetingsPage,
    CouncilPlansPage,
    CouncilRole,
    CouncilStatute,
    CouncilStatutesPage,
    FormationNotice,
    WorkPlan,
)
from cms.ownership import api as ownership
from cms.ownership.rules import ReviewRule
from cms.snippets.models import ResponsibleUnit

from .conftest import add_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned_site(councils_site):
    """Every page of the rubric answered for by the legal adviser, as bootstrap_site sets it up."""
    unit = ResponsibleUnit.objects.create(name="Главный юрисконсульт", slug="glavnyy-yuriskonsult")
    for page in [councils_site["index"], councils_site["education"], councils_site["housing"]]:
        ownership.assign(page, unit=unit, rule=ReviewRule.ON_CHANGE, interval_days=3)
    for model, page in councils_site["sections"].items():
        rule = ReviewRule.ANNUALLY if model is CouncilMeetingsPage else ReviewRule.ON_CHANGE
        ownership.assign(page, unit=unit, rule=rule, interval_days=None if rule == ReviewRule.ANNUALLY else 3)
    return councils_site


def _report(admin_client) -> str:
    return admin_client.get(reverse("ownership:review_report")).content.decode()


def _publish(page):
    page.specific.save_revision().publish()


def _due(page):
    record = ownership.ownership_record_of(type(page.specific).objects.get(pk=page.pk))
    return record.review_due if record else None


def test_a_member_change_puts_a_3_day_deadline_on_the_council_and_compositions_pages(admin_client, owned_site):
    council, compositions = owned_site["education"], owned_site["sections"][CouncilCompositionsPage]
    today = timezone.localdate()
    add_member(council, "Кедров Олег Павлович", date(2025, 1, 1), role=CouncilRole.CHAIR)
    assert _due(council) == today + timedelta(days=3)
    assert _due(compositions) == today + timedelta(days=3)
    assert _due(owned_site["housing"]) != today + timedelta(days=3)  # another council is not concerned
    assert "Изменён состав совета: Кедров Олег Павлович" in _report(admin_client)
    _publish(council)
    _publish(compositions)
    assert _due(council) != today + timedelta(days=3)
    assert "Изменён состав совета: Кедров Олег Павлович" not in _report(admin_client)


def test_removing_a_member_is_a_change_too(owned_site, django_capture_on_commit_callbacks):
    council = owned_site["education"]
    member = add_member(council, "Лиственная Ольга Петровна", date(2024, 1, 1))
    _publish(council)
    with django_capture_on_commit_callbacks(execute=True):
        member.delete()
    assert _due(council) == timezone.localdate() + timedelta(days=3)


def test_a_statute_change_puts_a_3_day_deadline(admin_client, owned_site):
    council, statutes = owned_site["education"], owned_site["sections"][CouncilStatutesPage]
    CouncilStatute.objects.create(council=council, title="Положение (новая редакция)", approval_date=date(2025, 2, 1))
    due = timezone.localdate() + timedelta(days=3)
    assert _due(council) == due and _due(statutes) == due
    assert "Изменено положение о совете: Положение (новая редакция)" in _report(admin_client)
    _publish(council)
    assert _due(council) != due


def test_an_approved_plan_is_due_3_days_from_its_approval_date(admin_client, owned_site):
    council, plans = owned_site["housing"], owned_site["sections"][CouncilPlansPage]
    approved = timezone.localdate() - timedelta(days=1)
    plan = WorkPlan.objects.create(council=council, year=approved.year, approval_date=approved)
    assert _due(council) == approved + timedelta(days=3)
    assert _due(plans) == approved + timedelta(days=3)
    assert f"Утверждён план работы на {approved.year} год" in _report(admin_client)
    _publish(council)
    assert _due(council) != approved + timedelta(days=3)
    # A later edit that keeps the approval date counts from the edit, not from the approval.
    plan.summary = "<p>Уточнено.</p>"
    plan.save()
    assert _due(council) == timezone.localdate() + timedelta(days=3)


def test_a_formation_notice_is_due_by_the_start_of_its_procedure(admin_client, owned_site):
    council, formation = owned_site["education"], owned_site["sections"][CouncilFormationPage]
    today = timezone.localdate()
    FormationNotice.objects.create(
        council=council,
        title="Набор в новый состав",
        procedure_start=today + timedelta(days=10),
        procedure_end=today + timedelta(days=40),
        eligibility="<p>Жители.</p>",
        how_to_apply="<p>Заявлением.</p>",
    )
    assert _due(council) == today + timedelta(days=10) and _due(formation) == today + timedelta(days=10)
    assert "Объявление о формировании состава: Набор в новый состав" in _report(admin_client)
    _publish(council)
    assert _due(council) != today + timedelta(days=10)


def test_a_running_procedure_is_due_today_and_a_finished_one_starts_nothing(owned_site):
    council = owned_site["housing"]
    today = timezone.localdate()
    running = FormationNotice(
        council=council,
        title="Идёт приём заявлений",
        procedure_start=today - timedelta(days=5),
        procedure_end=today + timedelta(days=5),
        eligibility="<p>Все.</p>",
        how_to_apply="<p>Письмом.</p>",
    )
    running.save()
    assert _due(council) == today
    _publish(council)
    finished = FormationNotice(
        council=council,
        title="Архив",
        procedure_start=today - timedelta(days=60),
        procedure_end=today - timedelta(days=30),
        eligibility="<p>Все.</p>",
        how_to_apply="<p>Письмом.</p>",
    )
    assert deadlines.notice_changed(finished) is None


def test_the_yearly_discussion_is_an_annual_deadline(owned_site):
    meetings = owned_site["sections"][CouncilMeetingsPage]
    today = timezone.localdate()
    assert _due(meetings) == date(today.year, 12, 31)
    _publish(meetings)
    assert _due(meetings) == date(today.year + 1, 12, 31)
