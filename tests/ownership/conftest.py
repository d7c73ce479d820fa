import itertools

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from cms.pages.models import InformationPage
from cms.snippets.models import ResponsibleUnit

_counter = itertools.count()


@pytest.fixture
def make_unit(db):
    def make(name="Управление", with_group=True):
        n = next(_counter)
        group = Group.objects.create(name=f"{name} editors {n}") if with_group else None
        if group is not None:
            group.permissions.add(Permission.objects.get(codename="access_admin"))
        return ResponsibleUnit.objects.create(name=f"{name} {n}", slug=f"unit-{n}", editors_group=group)

    return make


@pytest.fixture
def unit(make_unit):
    return make_unit("Управление по муниципальным информационным ресурсам")


@pytest.fixture
def make_page(home_page):
    def make(parent=None, title=None, publish=True, **fields):
        n = next(_counter)
        fields.setdefault("live", publish)  # as the admin does: a page saved as a draft is not live
        page = InformationPage(title=title or f"Страница {n}", slug=f"page-{n}", **fields)
        (parent or home_page).add_child(instance=page)
        if publish:
            page.save_revision().publish()
            page.refresh_from_db()
        return page

    return make


@pytest.fixture
def make_editor(django_user_model, home_page):
    """A user in the unit's editors group, who may edit the pages under the home page."""

    def make(unit=None, username=None, email=None):
        n = next(_counter)
        user = django_user_model.objects.create_user(
            username=username or f"editor{n}", email=email or f"editor{n}@example.org", password="pw"
        )
        if unit is not None and unit.editors_group is not None:
            group = unit.editors_group
            for permission in ("add_page", "change_page", "publish_page"):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home_page, permission=Permission.objects.get(codename=permission)
                )
            user.groups.add(group)
        return user

    return make
