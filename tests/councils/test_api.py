"""The councils' read-only API (contract 5): public data only, composition on ?date=, 400 on bad input."""

from datetime import date

import pytest
from rest_framework.test import APIRequestFactory

from cms.councils.api import ENDPOINTS, CouncilViewSet, MeetingViewSet, MemberViewSet, PlanViewSet
from cms.councils.models import CouncilRole, CouncilStatute, WorkPlan

from .conftest import add_council, add_meeting, add_member, local

pytestmark = pytest.mark.django_db
factory = APIRequestFactory()


def _get(viewset, params=None, pk=None):
    view = viewset.as_view({"get": "retrieve" if pk else "list"})
    response = view(factory.get("/api/", params or {}), **({"pk": pk} if pk else {}))
    response.render()
    return response


@pytest.fixture
def api_site(councils_site):
    education = councils_site["education"]
    add_member(education, "Берёзкина Алла Викторовна", date(2024, 1, 1), date(2024, 12, 31), role=CouncilRole.CHAIR)
    add_member(education, "Кедров Олег Павлович", date(2025, 1, 1), role=CouncilRole.CHAIR, organisation="Родители")
    CouncilStatute.objects.create(council=education, title="Положение", approval_date=date(2024, 2, 1))
    WorkPlan.objects.create(council=education, year=2025, approval_date=date(2025, 1, 20))
    add_meeting(education, local(2025, 3, 1))
    hidden = add_council(councils_site["index"], "Черновой совет", "chernovoy")
    add_member(hidden, "Тайный Член", date(2024, 1, 1))
    add_meeting(hidden, local(2025, 3, 2), place="Тайное место")
    WorkPlan.objects.create(council=hidden, year=2025, approval_date=date(2025, 1, 20))
    hidden.unpublish()
    return councils_site


def test_endpoints_are_registered_through_the_hook():
    from wagtail import hooks

    registered = [item for fn in hooks.get_hooks("register_api_endpoints") for item in fn()]
    assert set(ENDPOINTS) <= set(registered)
    assert {prefix for prefix, _ in ENDPOINTS} == {"councils", "council-members", "council-plans", "council-meetings"}


def test_councils_with_current_members_plans_and_meetings(api_site):
    data = _get(CouncilViewSet).data
    titles = [c["title"] for c in data]
    assert titles == ["Совет по образованию", "Совет по ЖКХ"]  # the draft council is not there
    education = data[0]
    assert education["sector"] == "Образование"
    assert education["url"].endswith("/obshchestvennye-sovety/sovet-po-obrazovaniyu/")
    assert education["statute"]["title"] == "Положение" and education["statute"]["approval_date"] == "2024-02-01"
    assert [(m["full_name"], m["role"], m["role_label"]) for m in education["members"]] == [
        ("Кедров Олег Павлович", "chair", "председатель")
    ]
    assert education["members"][0]["organisation"] == "Родители"
    assert education["plans"][0]["year"] == 2025
    assert education["meetings"][0]["place"] == "ул. Кедровая, 1, зал заседаний"


def test_composition_on_a_given_date(api_site):
    council = api_site["education"]
    data = _get(CouncilViewSet, {"date": "2024-06-01"}, pk=council.pk).data
    assert data["composition_date"] == "2024-06-01"
    assert [m["full_name"] for m in data["members"]] == ["Берёзкина Алла Викторовна"]
    members = _get(MemberViewSet, {"date": "2024-06-01", "council": council.pk}).data
    assert [m["full_name"] for m in members] == ["Берёзкина Алла Викторовна"]


@pytest.mark.parametrize(
    ("viewset", "params", "field"),
    [
        (CouncilViewSet, {"date": "01.06.2024"}, "date"),
        (MemberViewSet, {"date": "2024-02-30"}, "date"),
        (MemberViewSet, {"council": "x"}, "council"),
        (PlanViewSet, {"year": "двадцать"}, "year"),
        (MeetingViewSet, {"from": "вчера"}, "from"),
        (MeetingViewSet, {"from": "2025-02-01", "to": "2025-01-01"}, "to"),
    ],
)
def test_bad_parameters_answer_400_with_the_reason(api_site, viewset, params, field):
    response = _get(viewset, params)
    assert response.status_code == 400
    assert field in response.data and str(response.data[field][0])


def test_unpublished_councils_leak_nowhere(api_site):
    hidden = api_site["index"].get_children().get(slug="chernovoy")
    for viewset in (MemberViewSet, PlanViewSet, MeetingViewSet):
        body = _get(viewset).content.decode()
        assert "Тайн" not in body
        assert all(row["council"] != hidden.pk for row in _get(viewset).data)
    assert _get(CouncilViewSet, pk=hidden.pk).status_code == 404


def test_meetings_filter_by_period_and_council(api_site):
    council = api_site["education"]
    assert len(_get(MeetingViewSet, {"from": "2025-03-01", "to": "2025-03-01", "council": council.pk}).data) == 1
    assert _get(MeetingViewSet, {"from": "2025-03-02"}).data == []
