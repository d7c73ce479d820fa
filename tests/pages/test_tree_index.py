"""Menus and section lists find a page's children through a (depth, path) index, not by reading its subtree; the
live pages of a subtree (the search's privacy join) are read from an index alone."""

import pytest
from django.db import connection
from wagtail.models import Page

from tests.conftest import add_rubric, query_plan

pytestmark = pytest.mark.django_db

TREE_INDEXES = ("pages_tree_depth_path", "pages_live_subtree")  # both lead with (depth, path)
LIVE_INDEX = "pages_live_subtree"


def test_a_menu_reads_the_children_through_the_tree_index(home_page):
    section = add_rubric(home_page, "Раздел", "razdel")
    for n in range(5):
        add_rubric(section, f"Подраздел {n}", f"podrazdel-{n}")
    menu = home_page.get_children().live().in_menu()
    plan = query_plan(menu)
    assert any(f" {index} " in f"{plan} " for index in TREE_INDEXES), plan
    assert list(menu.values_list("title", flat=True)) == ["Раздел"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_live_pages_of_a_site_are_read_from_the_index_alone(home_page):
    section = add_rubric(home_page, "Раздел", "razdel")
    draft = add_rubric(section, "Черновик", "chernovik")
    draft.unpublish()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Committed and vacuumed, as autovacuum keeps a live site's pages: an index-only read needs to know
            # the rows are visible to everyone without visiting them.
            cursor.execute("VACUUM ANALYZE wagtailcore_page")
    allowed = Page.objects.live().descendant_of(home_page, inclusive=True).order_by().values("pk")
    plan = query_plan(allowed)
    covering = "Index Only Scan using" if connection.vendor == "postgresql" else "COVERING INDEX"
    assert f"{covering} {LIVE_INDEX} " in plan, plan
    assert set(allowed.values_list("pk", flat=True)) == {home_page.pk, section.pk}
