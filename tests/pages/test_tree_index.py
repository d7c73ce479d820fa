"""Menus and section lists find a page's children through the (depth, path) index, not by reading its subtree."""

import pytest
from django.db import connection, transaction

from tests.conftest import add_rubric

pytestmark = pytest.mark.django_db

INDEX = "pages_tree_depth_path"


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test database holds a few pages, where a sequential scan is cheapest; on a site of thousands the
            # planner takes the index by itself (bench: the site root's menu on 20,000 pages).
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_a_menu_reads_the_children_through_the_tree_index(home_page):
    section = add_rubric(home_page, "Раздел", "razdel")
    for n in range(5):
        add_rubric(section, f"Подраздел {n}", f"podrazdel-{n}")
    menu = home_page.get_children().live().in_menu()
    plan = _plan(menu)
    assert INDEX in plan, plan
    assert list(menu.values_list("title", flat=True)) == ["Раздел"]
