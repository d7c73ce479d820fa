"""Pages created before ownership existed (no record) get an owner from their rubric, a due date and a record."""

from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from cms.ownership.api import assign
from cms.ownership.models import Ownership
from cms.ownership.rules import ReviewRule
from cms.pages.models import InformationPage, RubricPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def legacy_tree(home_page, unit):
    """A rubric with an owner and pages without, as if created before the feature (no state rows)."""
    rubric = RubricPage(
        title="Открытые данные",
        slug="opendata",
        owner_unit=unit,
        review_rule=ReviewRule.QUARTERLY,
        review_cadence_text="ежеквартально",
    )
    home_page.add_child(instance=rubric)
    sub = RubricPage(title="Наборы", slug="sets")
    rubric.add_child(instance=sub)
    page = InformationPage(title="Реестр", slug="reestr")
    sub.add_child(instance=page)
    orphan = InformationPage(title="Без рубрики", slug="orphan")
    home_page.add_child(instance=orphan)
    published = datetime(2025, 2, 10, 5, 0, tzinfo=UTC)
    InformationPage.objects.filter(pk=page.pk).update(last_published_at=published)
    Ownership.objects.exclude(page=rubric).delete()
    return {"rubric": rubric, "sub": sub, "page": page, "orphan": orphan, "published": published}


def test_pages_inherit_owner_and_rule_from_the_nearest_owned_ancestor(legacy_tree, unit, capsys):
    call_command("assign_page_owners")
    page = InformationPage.objects.get(pk=legacy_tree["page"].pk)
    assert page.owner_unit == unit
    assert page.review_rule == ReviewRule.QUARTERLY
    assert page.review_cadence_text == "ежеквартально"
    # Its last publication is its last review: Q1 2025, so due by the end of Q2 2025 (overdue now).
    assert page.last_reviewed_at == legacy_tree["published"]
    assert str(page.review_due) == "2025-06-30"
    assert RubricPage.objects.get(pk=legacy_tree["sub"].pk).owner_unit == unit
    assert Ownership.objects.get(page=page).review_due == page.review_due
    assert "still without owner" in capsys.readouterr().out


def test_pages_without_an_owned_ancestor_stay_without_owner(legacy_tree):
    call_command("assign_page_owners")
    orphan = InformationPage.objects.get(pk=legacy_tree["orphan"].pk)
    assert orphan.owner_unit is None
    state = Ownership.objects.get(page=orphan)
    assert not state.has_owner


def test_dry_run_changes_nothing(legacy_tree, capsys):
    call_command("assign_page_owners", "--dry-run")
    assert InformationPage.objects.get(pk=legacy_tree["page"].pk).owner_unit is None
    assert list(Ownership.objects.values_list("page_id", flat=True)) == [legacy_tree["rubric"].pk]
    assert capsys.readouterr().out.startswith("Dry run:")


def test_running_twice_changes_nothing_more(legacy_tree):
    call_command("assign_page_owners")
    before = list(Ownership.objects.order_by("page_id").values())
    call_command("assign_page_owners")
    assert list(Ownership.objects.order_by("page_id").values()) == before


def test_an_existing_owner_is_kept(legacy_tree, make_unit):
    other = make_unit("Другое")
    assign(legacy_tree["page"], unit=other)
    call_command("assign_page_owners")
    assert InformationPage.objects.get(pk=legacy_tree["page"].pk).owner_unit == other
