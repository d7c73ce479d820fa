"""Who may get a stored page: anonymous citizens only; editors, the visually impaired version and forms never
get a page made for someone else, and nothing an editor or a password-holder saw is stored for others."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.faq.conftest import faq_site  # noqa: F401 - shared fixture

from .conftest import served

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"


def test_an_editor_is_never_served_a_stored_page_and_nothing_of_theirs_is_stored(client, admin_client, demo_site):
    url = demo_site["reception"].url
    served(client, url)  # stored for anonymous citizens
    response, state = served(admin_client, url)
    assert state == "bypass" and USERBAR in response.content.decode()
    response, _state = served(Client(), url)  # a miss if the editor's visit wrote (Wagtail's user profile)
    assert response.status_code == 200 and USERBAR not in response.content.decode()


def test_what_an_editor_sees_first_is_not_stored_for_citizens(client, admin_client, demo_site):
    url = demo_site["reception"].url
    served(admin_client, url)
    response, state = served(client, url)
    assert state == "miss" and USERBAR not in response.content.decode()


def test_the_version_for_the_visually_impaired_is_never_mixed_with_the_ordinary_one(demo_site):
    citizen, impaired = Client(), Client()
    served(citizen, "/")
    impaired.post("/accessibility/", {"mode": "on", "next": "/"})
    response, state = served(impaired, "/")
    assert state == "bypass" and "a11y-font-large" in response.content.decode()
    response, state = served(Client(), "/")
    assert state == "hit" and "a11y-font-large" not in response.content.decode()


def test_a_page_with_a_form_is_never_stored_so_each_visitor_gets_their_own_token(faq_site):  # noqa: F811
    url = faq_site["faq"].url + "ask/"
    first, first_state = served(Client(), url)
    second, second_state = served(Client(), url)
    assert first.status_code == 200 and "csrfmiddlewaretoken" in first.content.decode()
    assert (first_state, second_state) == ("bypass", "bypass")
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_password_protected_page_is_not_stored_for_those_without_the_password(demo_site):
    page = demo_site["acts"]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    holder = Client()
    form, _state = served(holder, page.url)
    restriction = PageViewRestriction.objects.get(page=page)
    holder.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/", {"password": "s3cret", "return_url": page.url}
    )
    response, state = served(holder, page.url)
    assert state == "bypass" and page.title in response.content.decode()
    stranger, stranger_state = served(Client(), page.url)
    assert "password" in stranger.content.decode() and "текст страницы" not in stranger.content.decode()
    assert stranger_state == "bypass"  # the password form carries a CSRF token


def test_the_admin_is_not_stored(client, demo_site):
    assert served(client, "/admin/login/")[1] is None


def test_the_api_is_stored_per_origin_and_the_newspaper_feed_never(client, demo_site, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://vestnik.example", "https://other.example"]
    url = f"/api/v2/pages/{demo_site['reception'].pk}/"
    first, first_state = served(client, url, origin="https://vestnik.example")
    again, again_state = served(client, url, origin="https://vestnik.example")
    other, other_state = served(client, url, origin="https://other.example")
    assert (first_state, again_state, other_state) == ("miss", "hit", "miss")
    assert again.content == first.content and again["Access-Control-Allow-Origin"] == "https://vestnik.example"
    assert other["Access-Control-Allow-Origin"] == "https://other.example"
    assert served(client, "/api/v2/feed/")[1] is None
