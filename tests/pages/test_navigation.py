"""The main menu and breadcrumbs shared across a batch render (`shared_navigation`), and never outside one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.pages.navigation import shared_navigation
from tests.conftest import add_rubric

pytestmark = pytest.mark.django_db

PATHS = [
    "/",
    "/ob-administratsii/",
    "/ob-administratsii/struktura/",
    "/ob-administratsii/struktura/poryadok-priyoma/",
    "/protivodeystvie-korruptsii/normativnye-akty/",
]


def render(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        render(client, path)
    return len(captured)


def test_pages_render_the_same_inside_a_batch(client, demo_site):
    alone = [render(client, path) for path in PATHS]
    with shared_navigation():
        batch = [render(client, path) for path in PATHS]
    # The menu marks the current section, the breadcrumbs end at the current page: per page, as before.
    assert batch == alone
    assert 'aria-current="page">Порядок приёма граждан<' in batch[3]


def test_a_batch_loads_the_menu_and_shared_ancestors_once(client, demo_site):
    render(client, PATHS[2])  # warm Wagtail's own per-process caches (site root paths)
    alone = queries_for(client, PATHS[3])
    with shared_navigation():
        render(client, PATHS[2])
        in_batch = queries_for(client, PATHS[3])
    # The menu query, already answered by the first page of the batch (a served page's breadcrumbs cost no query
    # in or out of a batch: its routing read the ancestors).
    assert in_batch == alone - 1


def test_the_batch_cost_of_a_page_does_not_depend_on_the_menus_size(client, demo_site):
    def cost_in_batch():
        with shared_navigation():
            render(client, PATHS[2])
            return queries_for(client, PATHS[3])

    for number in range(3):
        add_rubric(demo_site["home"], f"Раздел {number}", f"razdel-{number}")
    small = cost_in_batch()
    for number in range(3, 30):
        add_rubric(demo_site["home"], f"Раздел {number}", f"razdel-{number}")
    assert cost_in_batch() == small


def test_outside_a_batch_the_menu_shows_the_tree_as_it_is_now(client, demo_site):
    assert "Новый раздел" not in render(client, "/")
    add_rubric(demo_site["home"], "Новый раздел", "novyy-razdel")
    assert "Новый раздел" in render(client, "/")
