"""API v2 at /api/v2/: pages expose the ownership fields citizens see; bad input answers 400."""

from datetime import UTC, datetime

import pytest

from cms.ownership.models import Ownership
from cms.ownership.rules import ReviewRule
from cms.pages.models import InformationPage
from cms.snippets.models import ResponsibleUnit

pytestmark = pytest.mark.django_db

# Site, count, pages, the unit's contacts page lookup (once per unit), content types on a cold cache.
API_LISTING_MAX_QUERIES = 10


@pytest.fixture
def page(home_page):
    unit = ResponsibleUnit.objects.create(name="Главный юрисконсульт", slug="lawyer", email="law@example.org")
    page = InformationPage(title="Приём граждан", slug="priem", owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    Ownership.objects.filter(page=page).update(last_reviewed_at=datetime(2026, 3, 31, 20, 0, tzinfo=UTC))
    return page


def test_detail_exposes_owner_and_dates(client, page):
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["owner_unit"]["name"] == "Главный юрисконсульт"
    assert data["owner_unit"]["email"] == "law@example.org"
    assert data["information_current_as_of"] == "2026-04-01"  # the day in Asia/Barnaul
    assert data["review_rule"] == "quarterly"
    assert "review_due" in data
    assert "official" not in data


def test_listing_can_ask_for_ownership_fields(client, page):
    response = client.get(
        "/api/v2/pages/", {"type": "pages.InformationPage", "fields": "owner_unit,information_current_as_of"}
    )
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["owner_unit"]["name"] == "Главный юрисконсульт"
    assert item["information_current_as_of"] == "2026-04-01"


def test_drafts_are_not_served(client, home_page):
    draft = InformationPage(title="Черновик", slug="draft", live=False)
    home_page.add_child(instance=draft)
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


@pytest.mark.parametrize(
    "params", [{"offset": str(2**63)}, {"offset": "99999999999999999999999"}, {"search": "a\x00b"}]
)
def test_bad_input_answers_400_with_a_reason(client, page, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert response.json()["message"]


def listing_queries(client, django_assert_max_num_queries, count, unit):
    parent = InformationPage.objects.first().get_parent()
    for n in range(count):
        extra = InformationPage(title=f"Страница {n}", slug=f"extra-{count}-{n}", owner_unit=unit)
        parent.add_child(instance=extra)
    with django_assert_max_num_queries(API_LISTING_MAX_QUERIES):
        response = client.get(
            "/api/v2/pages/", {"type": "pages.InformationPage", "fields": "owner_unit,information_current_as_of"}
        )
    assert len(response.json()["items"]) >= count


@pytest.mark.parametrize("count", [2, 15])
def test_listing_with_owner_costs_the_same_at_two_sizes(client, page, count, django_assert_max_num_queries):
    listing_queries(client, django_assert_max_num_queries, count, page.owner_unit)
