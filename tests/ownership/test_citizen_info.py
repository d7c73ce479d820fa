"""Citizens see the owner unit and «Информация актуальна на <дата>» on every content page."""

from datetime import UTC, datetime

import pytest

from cms.ownership.models import Ownership
from cms.ownership.rules import ReviewRule

pytestmark = pytest.mark.django_db


def test_content_page_shows_owner_and_date(client, make_page, unit):
    page = make_page(title="Приём граждан", owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    # 31 March 20:00 UTC is already 1 April in Barnaul.
    Ownership.objects.filter(page=page).update(last_reviewed_at=datetime(2026, 3, 31, 20, 0, tzinfo=UTC))
    html = client.get(page.url).content.decode()
    assert "Ответственный:" in html
    assert unit.name in html
    assert "Информация актуальна на 1 апреля 2026" in html


def test_unit_links_to_its_contacts_when_it_has_a_page(client, make_page, unit, monkeypatch):
    page = make_page(owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    monkeypatch.setattr(type(unit), "get_absolute_url", lambda self: "/administration/units/#unit")
    html = client.get(page.url).content.decode()
    assert f'<a href="/administration/units/#unit">{unit.name}</a>' in html


def test_no_link_when_the_unit_has_no_page(client, make_page, unit, monkeypatch):
    page = make_page(owner_unit=unit, review_rule=ReviewRule.QUARTERLY)
    monkeypatch.setattr(type(unit), "get_absolute_url", lambda self: "")
    html = client.get(page.url).content.decode()
    assert unit.name in html
    assert f">{unit.name}</a>" not in html


def test_page_without_owner_still_shows_the_date(client, make_page):
    page = make_page(title="Без владельца")
    html = client.get(page.url).content.decode()
    assert "Ответственный:" not in html
    assert "Информация актуальна на" in html


def test_non_content_pages_show_nothing(client, home_page):
    response = client.get("/search/?q=test")
    if response.status_code == 404:
        pytest.skip("search page not routed yet")
    assert "Информация актуальна на" not in response.content.decode()


def test_tag_ignores_pages_without_the_mixin(home_page):
    from wagtail.models import Page

    from cms.ownership.templatetags.ownership_tags import page_ownership

    assert page_ownership(Page.get_first_root_node()) is None
    assert page_ownership(None) is None
    assert page_ownership("") is None
