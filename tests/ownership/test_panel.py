"""The dashboard panel: the user's own and their units' live pages, overdue or due within 14 days."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from cms.ownership.components import DueReviewsPanel
from cms.ownership.models import Ownership
from cms.ownership.rules import ReviewRule
from cms.pages.generate.bulk import GenerationOptions, generate_site

pytestmark = pytest.mark.django_db


def set_due(page, days_from_today):
    due = timezone.localdate() + timedelta(days=days_from_today)
    Ownership.objects.filter(page=page).update(review_due=due)


def panel_titles(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    context = DueReviewsPanel(request).get_context_data({})
    return [state.page.title for state in context["states"]]


@pytest.fixture
def setting(make_page, make_unit, make_editor, django_user_model):
    council, lawyer = make_unit("Совет"), make_unit("Юрисконсульт")
    council_editor, lawyer_editor = make_editor(council), make_editor(lawyer)
    official = django_user_model.objects.create_user("official", email="official@example.org")
    pages = {
        "council overdue": make_page(title="Совет: просрочено", owner_unit=council, review_rule=ReviewRule.QUARTERLY),
        "council later": make_page(title="Совет: не скоро", owner_unit=council, review_rule=ReviewRule.QUARTERLY),
        "lawyer soon": make_page(title="Юрист: скоро", owner_unit=lawyer, review_rule=ReviewRule.QUARTERLY),
        "official soon": make_page(
            title="Лично: скоро", owner_unit=lawyer, official=official, review_rule=ReviewRule.QUARTERLY
        ),
        "council draft": make_page(title="Совет: черновик", owner_unit=council, publish=False),
    }
    set_due(pages["council overdue"], -1)
    set_due(pages["council later"], 15)
    set_due(pages["lawyer soon"], 14)
    set_due(pages["official soon"], 0)
    set_due(pages["council draft"], -10)
    return {"council": council_editor, "lawyer": lawyer_editor, "official": official}


def test_panel_shows_the_units_pages(setting):
    assert panel_titles(setting["council"]) == ["Совет: просрочено"]
    assert panel_titles(setting["lawyer"]) == ["Лично: скоро", "Юрист: скоро"]


def test_panel_shows_the_officials_own_pages(setting):
    assert panel_titles(setting["official"]) == ["Лично: скоро"]


def test_panel_on_the_dashboard(client, setting):
    client.force_login(setting["council"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Страницы, которые нужно проверить" in html
    assert "Совет: просрочено" in html
    assert "Юрист: скоро" not in html


def test_panel_is_absent_when_nothing_is_due(client, django_user_model):
    user = django_user_model.objects.create_superuser("nobody", password="pw")
    client.force_login(user)
    assert "Страницы, которые нужно проверить" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("size", [100, 1000])
def test_panel_query_count_at_two_sizes(make_unit, make_editor, size, django_assert_num_queries):
    unit = make_unit("Администрация")
    editor = make_editor(unit)
    generate_site(GenerationOptions(pages=size, links_per_page=0, documents=0, index=False), report=lambda m: None)
    Ownership.objects.update(owner_unit=unit, review_due=timezone.localdate())
    with django_assert_num_queries(1):
        assert len(panel_titles(editor)) == DueReviewsPanel.limit
