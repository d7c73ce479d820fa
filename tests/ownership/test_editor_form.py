"""The editor's tab «Ответственность и сроки»: fields present, a rule without its parameter refused in Russian."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.ownership.rules import ReviewRule
from cms.pages.models import InformationPage

pytestmark = pytest.mark.django_db


def edit_form(page, user, **overrides):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "body": streamfield([]),
            "review_rule": ReviewRule.QUARTERLY,
            **overrides,
        }
    )
    form_class = InformationPage.get_edit_handler().get_form_class()
    return form_class(data, instance=page, for_user=user)


def test_tab_holds_the_ownership_fields():
    handler = InformationPage.get_edit_handler()
    with override("ru"):
        headings = [str(tab.heading) for tab in handler.children]
    assert headings[-1] == "Ответственность и сроки"
    assert "Содержимое" in headings
    fields = InformationPage.get_edit_handler().get_form_class()._meta.fields
    for name in ("owner_unit", "official", "review_rule", "review_interval_days", "review_fixed_date"):
        assert name in fields
    assert "review_due" not in fields  # derived, shown read-only


@pytest.mark.parametrize(
    ("rule", "field", "message"),
    [
        (ReviewRule.ON_CHANGE, "review_interval_days", "Для этого правила нужно число дней."),
        (ReviewRule.FIXED_DATE, "review_fixed_date", "Для этого правила нужна дата."),
    ],
)
def test_rule_without_parameter_is_refused_on_the_field(make_page, admin_user, rule, field, message):
    page = make_page()
    with override("ru"):
        form = edit_form(page, admin_user, review_rule=rule)
        assert not form.is_valid()
        assert form.errors[field] == [message]


def test_complete_rule_is_accepted(make_page, admin_user, unit):
    page = make_page()
    form = edit_form(page, admin_user, review_rule=ReviewRule.ON_CHANGE, review_interval_days=3, owner_unit=unit.pk)
    assert form.is_valid(), form.errors


def test_publishing_from_the_editor_sets_owner_and_due_date(client, make_page, admin_user, unit):
    page = make_page()
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "body": streamfield([]),
            "owner_unit": unit.pk,
            "review_rule": ReviewRule.CONTINUOUS,
            "review_interval_days": 10,
            "action-publish": "publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.owner_unit == unit
    assert page.review_due == timezone.localdate() + timedelta(days=10)  # publishing is the review
