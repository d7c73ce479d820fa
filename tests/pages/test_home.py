import pytest
from wagtail.models import Site

from cms.pages.models import HomePage
from cms.pages.site_root import ensure_home_page


@pytest.mark.django_db
def test_home_page_replaces_wagtail_welcome_page_and_is_served(client):
    home = ensure_home_page()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert ensure_home_page().pk == home.pk
    assert HomePage.objects.count() == 1
    response = client.get("/")
    assert response.status_code == 200
    assert home.title in response.content.decode()
