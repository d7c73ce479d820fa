"""ResponsibleUnit: the public list of units with duties and contacts, its URL, and the admin registry."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.pages.models import UnitsPage
from cms.snippets.models import ResponsibleUnit

ADMIN_LIST = "/admin/snippets/snippets/responsibleunit/"


def make_units(count, start=0):
    units = []
    for n in range(start, start + count):
        group = Group.objects.create(name=f"Редакторы: отдел {n}")
        units.append(
            ResponsibleUnit.objects.create(
                name=f"Отдел № {n}",
                slug=f"otdel-{n}",
                head=f"Руководитель отдела {n}",
                email=f"otdel{n}@zato-sibirsky.example",
                phone=f"+7 (38532) 5-20-{n:02d}",
                duties=f"<p>Обязанности отдела {n}.</p>",
                editors_group=group,
                sort_order=n,
            )
        )
    return units


@pytest.fixture
def units_page(home_page):
    return home_page.add_child(instance=UnitsPage(title="Ответственные за размещение информации", slug="otvetstvennye"))


@pytest.mark.django_db
def test_unit_url_points_at_its_entry_on_the_live_units_page(home_page):
    unit = make_units(1)[0]
    assert unit.get_absolute_url() == ""  # no units page yet

    page = home_page.add_child(instance=UnitsPage(title="Ответственные", slug="otvetstvennye"))
    assert unit.get_absolute_url() == "/otvetstvennye/#unit-otdel-0"

    page.unpublish()
    assert unit.get_absolute_url() == ""


@pytest.mark.django_db
def test_units_page_lists_every_unit_with_duties_and_contacts(client, units_page):
    unit = make_units(2)[1]

    response = client.get(units_page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="{unit.anchor}"' in html
    assert "Отдел № 1" in html and "Руководитель отдела 1" in html
    assert "<p>Обязанности отдела 1.</p>" in html
    assert 'href="mailto:otdel1@zato-sibirsky.example"' in html
    assert 'href="tel:+73853252001"' in html
    assert html.index("Отдел № 0") < html.index("Отдел № 1")  # the administration's own order


@pytest.mark.django_db
def test_units_page_query_count_does_not_grow_with_units(client, units_page, django_assert_max_num_queries):
    make_units(2)
    client.get(units_page.url)  # warm per-process caches (site root paths, content types)
    with django_assert_max_num_queries(12) as small:
        client.get(units_page.url)
    make_units(20, start=2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert "Отдел № 21" in client.get(units_page.url).content.decode()


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@zato-sibirsky.example", "x")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_lists_units_with_head_contacts_and_group(admin_client):
    make_units(2)

    html = admin_client.get(ADMIN_LIST).content.decode()

    for text in ("Отдел № 1", "Руководитель отдела 1", "otdel1@zato-sibirsky.example", "+7 (38532) 5-20-01"):
        assert text in html
    assert "Редакторы: отдел 1" in html


@pytest.mark.django_db
def test_admin_search_and_group_filter(admin_client):
    units = make_units(3)

    found = admin_client.get(ADMIN_LIST, {"q": "Руководитель отдела 2"}).content.decode()
    filtered = admin_client.get(ADMIN_LIST, {"editors_group": units[1].editors_group_id}).content.decode()

    assert "Отдел № 2" in found and "Отдел № 0" not in found
    assert "Отдел № 1" in filtered and "Отдел № 2" not in filtered


@pytest.mark.django_db
def test_admin_list_query_count_does_not_grow_with_units(admin_client, django_assert_max_num_queries):
    make_units(2)
    admin_client.get(ADMIN_LIST)
    with django_assert_max_num_queries(40) as small:
        admin_client.get(ADMIN_LIST)
    make_units(15, start=2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert "Отдел № 16" in admin_client.get(ADMIN_LIST).content.decode()
