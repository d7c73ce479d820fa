"""Editors in the admin: a draft act's stages are validated as a whole; the proposals inbox per owner unit."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.declarations.models import Decision, DraftActPage, Proposal
from cms.snippets.models import ResponsibleUnit
from tests.declarations.conftest import make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.ru", "pw")
    client.force_login(admin)
    return client


def _post(client, parent, stages, **fields):
    data = {
        "title": "Проект о благоустройстве",
        "slug": "blagoustroystvo",
        "plain_summary": "",
        "list_year": "",
        "body": streamfield([]),
        "discussion_start": "",
        "discussion_end": "",
        "stages": inline_formset([{"stage": s, "day": d, "note": ""} for s, d in stages]),
        "adopted_act_title": "",
        "adopted_act_page": "",
        "adopted_act_url": "",
        "review_rule": "as_needed",
        "action-publish": "publish",
    }
    data.update(fields)
    return client.post(f"/admin/pages/add/declarations/draftactpage/{parent.pk}/", nested_form_data(data))


def _errors(response):
    assert response.status_code == 200, "the form should come back with errors"
    return response.content.decode()


def test_stages_in_order_publish_the_draft(admin_client, area):
    response = _post(admin_client, area["drafts"], [("initiation", "2026-01-10"), ("published", "2026-02-01")])
    assert response.status_code == 302
    page = DraftActPage.objects.get(slug="blagoustroystvo")
    assert page.live and page.current_stage == "published"


def test_a_stage_dated_before_an_earlier_stage_is_refused(admin_client, area):
    html = _errors(_post(admin_client, area["drafts"], [("initiation", "2026-03-10"), ("published", "2026-02-01")]))
    assert "указан не по порядку" in html
    assert not DraftActPage.objects.filter(slug="blagoustroystvo").exists()


def test_discussion_stage_needs_the_period_and_adoption_needs_the_act(admin_client, area):
    html = _errors(
        _post(
            admin_client,
            area["drafts"],
            [("initiation", "2026-01-10"), ("discussion", "2026-02-01"), ("adopted", "2026-03-01")],
        )
    )
    assert "Для этапа обсуждения укажите первый и последний день периода." in html
    assert "Укажите принятый акт: выберите его страницу или укажите адрес." in html
    assert "Укажите название и номер принятого акта." in html


def test_plain_summary_is_required_for_socially_significant_drafts(admin_client, area):
    html = _errors(
        _post(admin_client, area["drafts"], [("initiation", "2026-01-10")], socially_significant="on", list_year="2026")
    )
    assert "Социально значимому проекту нужно краткое изложение простым языком." in html


def _editor(name, unit):
    group = Group.objects.create(name=f"Редакторы: {name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    unit.editors_group = group
    unit.save()
    user = get_user_model().objects.create_user(name, f"{name}@example.ru", "pw")
    user.groups.add(group)
    return user


def test_inbox_shows_each_unit_only_the_proposals_on_its_pages(client, area, unit):
    other_unit = ResponsibleUnit.objects.create(name="Главный экономист", slug="glavnyy-ekonomist")
    ours = make_draft(area["drafts"], "nash", [("initiation", date(2026, 1, 1))], owner_unit=unit)
    theirs = make_draft(area["drafts"], "chuzhoy", [("initiation", date(2026, 1, 1))], owner_unit=other_unit)
    mine = Proposal.objects.create(page=ours, name="Анна", email="a@example.ru", text="Наше предложение.")
    Proposal.objects.create(page=theirs, name="Борис", email="b@example.ru", text="Чужое предложение.")
    client.force_login(_editor("yurist", unit))
    listing = client.get("/admin/declarations/proposal/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert mine.registration_number in html
    assert "Чужое" not in html and Proposal.objects.get(page=theirs).registration_number not in html
    other = Proposal.objects.get(page=theirs)
    assert client.get(f"/admin/declarations/proposal/inspect/{other.pk}/").status_code in (302, 403)
    edit = client.post(
        f"/admin/declarations/proposal/edit/{mine.pk}/",
        {
            "decision": Decision.REJECTED,
            "decision_reason": "",
            "public_text": "",
            "status": "in_progress",
            "responsible": "",
            "internal_notes": "",
        },
    )
    assert edit.status_code == 200  # a rejection needs its reason
    assert "Укажите обоснование: оно публикуется вместе с решением." in edit.content.decode()
    edit = client.post(
        f"/admin/declarations/proposal/edit/{mine.pk}/",
        {
            "decision": Decision.REJECTED,
            "decision_reason": "Не относится к проекту.",
            "public_text": "",
            "status": "answered",
            "responsible": "",
            "internal_notes": "",
        },
    )
    assert edit.status_code == 302
    mine.refresh_from_db()
    assert (mine.decision, mine.decision_reason) == (Decision.REJECTED, "Не относится к проекту.")


def test_inbox_cannot_create_proposals(admin_client, area):
    assert admin_client.get("/admin/declarations/proposal/create/").status_code in (302, 403)


def test_admin_forms_of_every_page_type_and_registry_render(admin_client, area):
    from tests.declarations.conftest import make_declaration

    declaration = make_declaration(area["declarations"], 2026)
    urls = [
        f"/admin/pages/add/declarations/declarationpage/{area['declarations'].pk}/",
        f"/admin/pages/add/declarations/draftactpage/{area['drafts'].pk}/",
        f"/admin/pages/{declaration.pk}/edit/",
        f"/admin/pages/{area['archive'].pk}/edit/",
        f"/admin/pages/{area['discussion'].pk}/edit/",
        f"/admin/pages/{area['drafts'].pk}/edit/",
        f"/admin/pages/{area['declarations'].pk}/edit/",
        "/admin/snippets/declarations/indicator/",
        "/admin/snippets/declarations/indicator/add/",
        "/admin/declarations/import-indicators/",
        "/admin/declarations/proposal/",
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url
