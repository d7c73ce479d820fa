"""Deleting a unit that owns pages is refused with the list of pages; reassignment makes it possible."""

import pytest
from django.contrib.admin.utils import quote
from django.urls import reverse

from cms.ownership.models import Ownership
from cms.ownership.rules import ReviewRule
from cms.pages.models import InformationPage
from cms.snippets.models import ResponsibleUnit

pytestmark = pytest.mark.django_db


def delete_url(unit):
    return reverse(ResponsibleUnit.snippet_viewset.get_url_name("delete"), args=[quote(unit.pk)])


def test_delete_is_refused_with_the_list_of_pages(client, admin_user, make_page, unit):
    make_page(title="Открытые данные", owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    make_page(title="Реестр наборов", owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    client.force_login(admin_user)
    for response in (client.get(delete_url(unit)), client.post(delete_url(unit))):
        assert response.status_code == 409
        html = response.content.decode()
        assert "Подразделение нельзя удалить: оно отвечает за 2 страницы." in html
        assert "Открытые данные" in html and "Реестр наборов" in html
        assert reverse("ownership:reassign_unit", args=[unit.pk]) in html
    assert ResponsibleUnit.objects.filter(pk=unit.pk).exists()


def test_unit_without_pages_is_deleted_as_usual(client, admin_user, make_unit):
    spare = make_unit("Пустое")
    client.force_login(admin_user)
    response = client.post(delete_url(spare))
    assert response.status_code == 302
    assert not ResponsibleUnit.objects.filter(pk=spare.pk).exists()


def test_reassign_then_delete(client, admin_user, make_page, make_unit, unit):
    target = make_unit("Преемник")
    page = make_page(title="Открытые данные", owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    client.force_login(admin_user)
    form = client.get(reverse("ownership:reassign_unit", args=[unit.pk]))
    assert "отвечает за 1 страницу" in form.content.decode()
    response = client.post(reverse("ownership:reassign_unit", args=[unit.pk]), {"target": target.pk})
    assert response.status_code == 302
    assert InformationPage.objects.get(pk=page.pk).owner_unit == target
    assert Ownership.objects.get(page=page).owner_unit == target
    assert client.post(delete_url(unit)).status_code == 302
    assert not ResponsibleUnit.objects.filter(pk=unit.pk).exists()


def test_reassign_to_itself_is_not_offered(client, admin_user, unit):
    client.force_login(admin_user)
    response = client.post(reverse("ownership:reassign_unit", args=[unit.pk]), {"target": unit.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["target"]


def test_reassign_needs_permission_on_units(client, make_editor, unit):
    client.force_login(make_editor(unit))
    response = client.get(reverse("ownership:reassign_unit", args=[unit.pk]))
    assert response.status_code in (302, 403)


def test_bulk_delete_is_refused_too(client, admin_user, make_page, unit):
    make_page(title="Открытые данные", owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    client.force_login(admin_user)
    url = reverse("wagtail_bulk_action", args=("snippets", "responsibleunit", "delete")) + f"?id={unit.pk}"
    response = client.post(url)
    assert response.status_code == 409
    assert "Открытые данные" in response.content.decode()
    assert ResponsibleUnit.objects.filter(pk=unit.pk).exists()
