"""Where editors may create each page type: one home page at the root, nested rubrics, information leaves."""

import pytest
from wagtail.models import Page

from cms.pages.models import HomePage, InformationPage, RubricPage
from tests.conftest import add_information_page, add_rubric

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page):
    rubric = add_rubric(home_page, "Раздел", "razdel")
    subrubric = add_rubric(rubric, "Подраздел", "podrazdel")
    info = add_information_page(subrubric, "Сведения", "svedeniya")
    return {"root": Page.get_first_root_node(), "home": home_page, "rubric": rubric, "sub": subrubric, "info": info}


def test_home_page_lives_only_at_the_root_and_only_once(tree):
    assert HomePage.can_exist_under(tree["root"])
    # One home page exists already: a second one cannot be added next to it.
    assert not HomePage.can_create_at(tree["root"])
    for parent in ("home", "rubric", "info"):
        assert not HomePage.can_exist_under(tree[parent])
        assert not HomePage.can_create_at(tree[parent])


def test_first_home_page_can_be_created_at_an_empty_root(db):
    root = Page.get_first_root_node()
    assert not HomePage.objects.exists()
    assert HomePage.can_create_at(root)


def test_rubrics_nest_under_the_home_page_and_other_rubrics(tree):
    for parent in ("home", "rubric", "sub"):
        assert RubricPage.can_create_at(tree[parent]), parent
    assert not RubricPage.can_create_at(tree["root"])
    assert not RubricPage.can_create_at(tree["info"])


def test_information_pages_are_leaves_under_home_or_rubrics(tree):
    for parent in ("home", "rubric", "sub"):
        assert InformationPage.can_create_at(tree[parent]), parent
    assert not InformationPage.can_create_at(tree["root"])
    assert not InformationPage.can_create_at(tree["info"])
    assert InformationPage.allowed_subpage_models() == []


def test_the_admin_offers_only_the_allowed_children(tree):
    assert set(tree["home"].specific_class.creatable_subpage_models()) >= {RubricPage, InformationPage}
    assert HomePage not in RubricPage.creatable_subpage_models()
    assert set(RubricPage.allowed_parent_page_models()) == {HomePage, RubricPage}


def test_area_index_pages_can_be_added_under_rubrics_by_editors(tree):
    from cms.declarations.models import DraftActIndexPage

    assert DraftActIndexPage in RubricPage.creatable_subpage_models()
    assert HomePage not in RubricPage.creatable_subpage_models()
