"""Editors keep the registries as snippets: filters by council, Russian validation that keeps what was typed."""

from datetime import date

import pytest
from django.urls import reverse

from cms.councils.models import CouncilMember, CouncilRole

from .conftest import add_member

pytestmark = pytest.mark.django_db


def _member_form(council, **values):
    data = {
        "council": council.pk,
        "full_name": "Кедров Олег Павлович",
        "role": CouncilRole.CHAIR,
        "organisation": "Родительский комитет",
        "term_start": "2024-06-01",
        "term_end": "",
    }
    data.update(values)
    return data


def test_member_with_a_second_chair_is_refused_in_russian_and_the_form_keeps_the_input(admin_client, councils_site):
    council = councils_site["education"]
    add_member(council, "Берёзкина Алла Викторовна", date(2024, 1, 1), role=CouncilRole.CHAIR)
    url = reverse("wagtailsnippets_councils_councilmember:add")
    response = admin_client.post(url, _member_form(council))
    assert response.status_code == 200
    html = response.content.decode()
    assert "У совета уже есть председатель на эти даты: Берёзкина Алла Викторовна" in html
    assert 'value="Кедров Олег Павлович"' in html and 'value="Родительский комитет"' in html
    assert CouncilMember.objects.count() == 1


def test_term_end_before_start_is_refused(admin_client, councils_site):
    url = reverse("wagtailsnippets_councils_councilmember:add")
    response = admin_client.post(
        url, _member_form(councils_site["education"], role=CouncilRole.MEMBER, term_end="2024-05-01")
    )
    assert "Срок полномочий должен заканчиваться позже, чем начинается." in response.content.decode()
    assert not CouncilMember.objects.exists()


def test_a_valid_member_is_saved(admin_client, councils_site):
    url = reverse("wagtailsnippets_councils_councilmember:add")
    response = admin_client.post(url, _member_form(councils_site["education"]))
    assert response.status_code == 302
    member = CouncilMember.objects.get()
    assert member.council == councils_site["education"] and member.term_end is None


def test_members_listing_filters_by_council(admin_client, councils_site):
    add_member(councils_site["education"], "Лиственная Ольга Петровна", date(2024, 1, 1))
    add_member(councils_site["housing"], "Соснин Игорь Валерьевич", date(2024, 1, 1))
    url = reverse("wagtailsnippets_councils_councilmember:list")
    html = admin_client.get(url, {"council": councils_site["housing"].pk}).content.decode()
    assert "Соснин Игорь Валерьевич" in html and "Лиственная" not in html
    assert "Совет по ЖКХ" in html


@pytest.mark.parametrize(
    "model", ["councilstatute", "workplan", "meeting", "formationnotice", "publication", "draftact"]
)
def test_every_registry_has_an_admin_listing_and_form(admin_client, councils_site, model):
    assert admin_client.get(reverse(f"wagtailsnippets_councils_{model}:list")).status_code == 200
    assert admin_client.get(reverse(f"wagtailsnippets_councils_{model}:add")).status_code == 200
