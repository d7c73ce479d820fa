"""The read-only API: published data only, filters validated with 400, constant queries."""

import datetime

import pytest

from cms.anticorruption.models import CommissionMeeting, CommissionMember, DisclosureCampaign, ExpertConclusion

from .conftest import add_official

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.anticorruption.api_urls")]


def test_endpoints_are_registered_through_the_hook():
    from wagtail import hooks

    prefixes = [prefix for register in hooks.get_hooks("register_api_endpoints") for prefix, _ in register()]
    assert "anticorruption-disclosures" in prefixes and "anticorruption-drafts" in prefixes


def test_disclosures_only_published_years(client, campaign):
    hidden = DisclosureCampaign.objects.create(year=2022, is_published=False, legal_basis="Указ № 968")
    add_official(hidden, 0, "Скрытов Скрыт Скрытович")
    data = client.get("/api/v2/anticorruption-disclosures/").json()
    names = {row["name"] for row in data}
    assert "Берёзкин Алексей Петрович" in names and "Скрытов Скрыт Скрытович" not in names
    assert {row["year"] for row in data} == {2025}
    relative = next(row for row in data if row["relation"] == "spouse")
    assert relative["name"] == "" and relative["official"] is not None
    years = client.get("/api/v2/anticorruption-disclosure-years/").json()
    assert [y["year"] for y in years] == [2025]
    assert client.get(f"/api/v2/anticorruption-disclosure-years/{hidden.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("query", "field"),
    [("year=abc", "year"), ("year=1900", "year"), ("relation=cousin", "relation"), ("year=%00", "year")],
)
def test_bad_filters_answer_400_with_reason(client, campaign, query, field):
    response = client.get(f"/api/v2/anticorruption-disclosures/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_year_and_relation_filters(client, campaign):
    add_official(DisclosureCampaign.objects.create(year=2024), 0, "Старов Стар Старович")
    data = client.get("/api/v2/anticorruption-disclosures/?year=2024&relation=official").json()
    assert [row["name"] for row in data] == ["Старов Стар Старович"]
    data = client.get("/api/v2/anticorruption-disclosures/?year=2025&relation=official").json()
    assert [row["name"] for row in data] == ["Берёзкин Алексей Петрович", "Соснина Марина Викторовна"]


@pytest.mark.parametrize("size", [2, 20])
def test_disclosures_in_constant_queries(client, size, django_assert_max_num_queries):
    campaign = DisclosureCampaign.objects.create(year=2025)
    for index in range(size):
        add_official(campaign, index, f"Служащий{index} Иван Иванович")
    with django_assert_max_num_queries(5):
        assert len(client.get("/api/v2/anticorruption-disclosures/").json()) == size * 3


def test_commission_and_drafts(client, draft):
    CommissionMember.objects.create(name="Председатель Главный Петрович", role="chair")
    CommissionMeeting.objects.create(date=datetime.date(2025, 1, 1), agenda="Открытое")
    CommissionMeeting.objects.create(date=datetime.date(2025, 2, 1), agenda="Черновое", is_published=False)
    assert client.get("/api/v2/anticorruption-commission-members/").json()[0]["role_display"] == "председатель комиссии"
    assert [m["agenda"] for m in client.get("/api/v2/anticorruption-commission-meetings/").json()] == ["Открытое"]
    ExpertConclusion.objects.create(
        draft=draft, expert_name="Скрытый", accreditation="x", email="a@example.org", text="черновик заключения"
    )
    ExpertConclusion.objects.create(
        draft=draft,
        expert_name="Открытый",
        accreditation="x",
        email="b@example.org",
        text="заключение",
        answer="учтено",
        is_published=True,
    )
    drafts = client.get("/api/v2/anticorruption-drafts/?open=1").json()
    assert drafts[0]["accepts_conclusions"] is True
    conclusions = drafts[0]["conclusions"]
    assert [c["expert_name"] for c in conclusions] == ["Открытый"]
    assert "email" not in conclusions[0]
    assert client.get("/api/v2/anticorruption-drafts/?open=yes").status_code == 400


def test_no_endpoint_for_reports(client, section):
    for prefix in ("anticorruption-reports", "anticorruption-corruption-reports", "anticorruption-conclusions"):
        assert client.get(f"/api/v2/{prefix}/").status_code == 404
