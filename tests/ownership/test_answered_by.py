"""«Who answers for a page» has one definition: the panel, the report, the digest and the link checker agree."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from cms.linkcheck.components import OpenFindingsPanel
from cms.linkcheck.models import LinkFinding, Severity
from cms.ownership import api as ownership
from cms.ownership.components import DueReviewsPanel
from cms.ownership.models import Ownership
from cms.ownership.reminders import send_review_reminders
from cms.ownership.rules import ReviewRule

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def _finding(page):
    now = timezone.now()
    return LinkFinding.objects.create(
        page=page,
        key=f"broken{page.pk}",
        url=f"/missing-{page.pk}/",
        link_text="Отчёт",
        rule="broken-link",
        severity=Severity.ERROR,
        first_seen=now,
        last_seen=now,
    )


@pytest.fixture
def official_setting(make_page, make_unit, make_editor, django_user_model):
    """An official named on one page of another unit; they are in no unit group and may edit nothing."""
    lawyer, council = make_unit("Юрисконсульт"), make_unit("Совет")
    official = django_user_model.objects.create_user(
        "official", email="official@example.org", password="pw", is_staff=True
    )
    from django.contrib.auth.models import Permission

    official.user_permissions.add(Permission.objects.get(codename="access_admin"))
    mine = make_page(title="Лично: реестр", owner_unit=lawyer, official=official, review_rule=ReviewRule.QUARTERLY)
    unit_page = make_page(title="Отдела: регламент", owner_unit=lawyer, review_rule=ReviewRule.QUARTERLY)
    other = make_page(title="Совета: состав", owner_unit=council, review_rule=ReviewRule.QUARTERLY)
    overdue = timezone.localdate() - timedelta(days=1)
    Ownership.objects.filter(page__in=[mine, unit_page, other]).update(review_due=overdue)
    for page in (mine, unit_page, other):
        _finding(page)
    return {"official": official, "mine": mine, "unit_page": unit_page, "other": other}


def test_a_named_official_sees_the_same_pages_everywhere(client, official_setting):
    official, mine = official_setting["official"], official_setting["mine"]
    expected = {mine.pk}

    assert set(ownership.pages_answered_by(official).values_list("pk", flat=True)) == expected

    panel = DueReviewsPanel(_request(official)).get_context_data({})
    assert {record.page_id for record in panel["states"]} == expected

    client.force_login(official)
    response = client.get(reverse("ownership:review_report"))
    assert response.status_code == 200
    assert {record.page_id for record in response.context["object_list"]} == expected

    findings = OpenFindingsPanel(_request(official)).get_context_data({})["findings"]
    assert {finding.page_id for finding in findings} == expected

    send_review_reminders()
    (message,) = [m for m in mail.outbox if m.to == ["official@example.org"]]
    assert "Лично: реестр" in message.body
    assert "Отдела: регламент" not in message.body and "Совета: состав" not in message.body
    assert f"/missing-{mine.pk}/" in message.body  # the link checker's section of the same digest


def test_unit_editors_answer_for_the_units_pages_and_the_officials(make_editor, official_setting):
    editor = make_editor(official_setting["mine"].owner_unit)
    answered = set(ownership.pages_answered_by(editor).values_list("pk", flat=True))
    assert answered == {official_setting["mine"].pk, official_setting["unit_page"].pk}


def test_an_anonymous_user_answers_for_nothing(official_setting):
    from django.contrib.auth.models import AnonymousUser

    assert not ownership.pages_answered_by(AnonymousUser()).exists()


def test_a_registry_started_deadline_shows_in_the_report_with_its_reason(client, admin_user, make_page, unit):
    page = make_page(title="Состав совета", owner_unit=unit, review_rule=ReviewRule.ANNUALLY)
    due = ownership.start_deadline(page, reason="Изменён состав совета", days=3)
    assert due == timezone.localdate() + timedelta(days=3)
    client.force_login(admin_user)
    response = client.get(reverse("ownership:review_report"))
    (row,) = [record for record in response.context["object_list"] if record.page_id == page.pk]
    assert (row.review_due, row.pending_reason) == (due, "Изменён состав совета")
    assert "Изменён состав совета" in response.content.decode()
    # Publishing the page is the review that clears it.
    page.save_revision().publish()
    record = Ownership.objects.get(page=page)
    assert record.pending_reason == "" and record.review_due > due
