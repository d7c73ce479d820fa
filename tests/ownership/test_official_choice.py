"""The «responsible official» field offers the editors of the owner unit only, and refuses anyone else in Russian."""

import pytest
from django.utils.translation import override
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.ownership.rules import ReviewRule
from cms.pages.models import InformationPage

pytestmark = pytest.mark.django_db

REFUSAL = "Должностное лицо должно быть редактором ответственного подразделения."


def form_for(page, user, data=None):
    form_class = InformationPage.get_edit_handler().get_form_class()
    if data is None:
        return form_class(instance=page, for_user=user)
    fields = {"title": page.title, "slug": page.slug, "body": streamfield([]), "review_rule": ReviewRule.AS_NEEDED}
    return form_class(nested_form_data({**fields, **data}), instance=page, for_user=user)


@pytest.fixture
def people(make_unit, make_editor, django_user_model):
    lawyers, council = make_unit("Юридический отдел"), make_unit("Совет")
    return {
        "lawyers": lawyers,
        "council": council,
        "lawyer": make_editor(lawyers),
        "councillor": make_editor(council),
        "account": django_user_model.objects.create_user("account", password="pw"),  # in no unit's group
    }


def offered(form):
    return set(form.fields["official"].queryset)


def test_the_field_lists_only_the_owner_units_editors(make_page, admin_user, people):
    page = make_page(owner_unit=people["lawyers"])
    assert offered(form_for(page, admin_user)) == {people["lawyer"]}
    rendered = str(form_for(page, admin_user)["official"])
    assert people["lawyer"].username in rendered and people["councillor"].username not in rendered


def test_without_an_owner_unit_every_units_editors_are_offered_but_not_every_account(make_page, admin_user, people):
    page = make_page()
    assert offered(form_for(page, admin_user)) == {people["lawyer"], people["councillor"]}


def test_the_submitted_unit_decides_the_list(make_page, admin_user, people):
    page = make_page(owner_unit=people["lawyers"])
    form = form_for(page, admin_user, {"owner_unit": people["council"].pk, "official": people["councillor"].pk})
    assert form.is_valid(), form.errors
    assert offered(form) == {people["councillor"]}


@pytest.mark.parametrize("stranger", ["councillor", "account"])
def test_an_official_of_another_unit_is_refused_in_russian(make_page, admin_user, people, stranger):
    page = make_page(owner_unit=people["lawyers"])
    with override("ru"):
        form = form_for(page, admin_user, {"owner_unit": people["lawyers"].pk, "official": people[stranger].pk})
        assert not form.is_valid()
        assert form.errors["official"] == [REFUSAL]
    page.refresh_from_db()
    assert page.official is None


def test_a_stored_official_who_no_longer_fits_is_shown_and_must_be_changed(make_page, admin_user, people):
    """Saving never drops the named official silently: they stay in the list and the form says why it refuses."""
    page = make_page(owner_unit=people["lawyers"], official=people["councillor"])
    assert people["councillor"] in offered(form_for(page, admin_user))
    with override("ru"):
        form = form_for(page, admin_user, {"owner_unit": people["lawyers"].pk, "official": people["councillor"].pk})
        assert not form.is_valid()
        assert form.errors["official"] == [REFUSAL]
    form = form_for(page, admin_user, {"owner_unit": people["lawyers"].pk, "official": people["lawyer"].pk})
    assert form.is_valid(), form.errors
