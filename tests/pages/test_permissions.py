"""Each unit's editors edit the rubrics their unit owns, and nothing else."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cms.pages.models import RubricKey
from cms.snippets.models import ResponsibleUnit

from .test_bootstrap import mini_data  # noqa: F401  (fixture)


def editor_of(unit_code: str):
    user = get_user_model().objects.create_user(username=f"editor-{unit_code}", password="x")  # noqa: S106
    user.groups.add(ResponsibleUnit.objects.get(slug=unit_code).editors_group)
    return user


def page_for(key):
    return RubricKey.objects.get(key=key).page.specific


@pytest.fixture
def built_site(mini_data):  # noqa: F811
    call_command("bootstrap_site", "--data", str(mini_data))


@pytest.mark.django_db
def test_editor_of_a_unit_edits_its_rubrics_and_not_another_units(built_site, client):
    editor = editor_of("unit-a")
    own, own_child = page_for("razdel-a"), page_for("razdel-a/stranitsa-a")
    foreign, foreign_child = page_for("razdel-b"), page_for("razdel-b/stranitsa-b")

    for page in (own, own_child):
        permissions = page.permissions_for_user(editor)
        assert permissions.can_edit() and permissions.can_publish()
    assert own.permissions_for_user(editor).can_add_subpage()
    for page in (foreign, foreign_child):
        assert not page.permissions_for_user(editor).can_edit()

    client.force_login(editor)
    assert client.get(f"/admin/pages/{own_child.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{foreign_child.pk}/edit/").status_code in (302, 403)
    assert client.get("/admin/").status_code == 200  # the group has admin access


@pytest.mark.django_db
def test_co_owner_unit_edits_the_shared_page_only(built_site):
    editor = editor_of("unit-b")  # listed second on razdel-a/stranitsa-a

    assert page_for("razdel-a/stranitsa-a").permissions_for_user(editor).can_edit()
    assert not page_for("razdel-a").permissions_for_user(editor).can_edit()
    assert page_for("razdel-b/stranitsa-b").permissions_for_user(editor).can_edit()


@pytest.mark.django_db
def test_real_tree_economist_edits_services_not_legal_acts():
    call_command("bootstrap_site")
    economist, lawyer = editor_of("glavnyy-ekonomist"), editor_of("glavnyy-yuriskonsult")
    services, acts = page_for("uslugi/novye-uslugi"), page_for("normotvorchestvo/munitsipalnye-pravovye-akty")

    assert services.permissions_for_user(economist).can_edit()
    assert not acts.permissions_for_user(economist).can_edit()
    assert acts.permissions_for_user(lawyer).can_edit()
    assert not services.permissions_for_user(lawyer).can_edit()
