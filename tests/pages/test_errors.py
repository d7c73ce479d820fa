"""Error pages in Russian, sitemap.xml and robots.txt."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.conftest import add_rubric


@pytest.mark.django_db
def test_unknown_path_gets_the_russian_404_page_with_the_site_layout(client, demo_site, site_settings):
    response = client.get("/net-takoy-stranitsy/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.h1.get_text(strip=True) == "Страница не найдена"
    assert len(soup.find_all("h1")) == 1
    assert soup.find("a", string="Перейти на главную страницу")["href"] == "/"
    assert soup.find("nav", attrs={"aria-label": "Основные разделы"}) is not None
    assert site_settings.postal_address in soup.footer.get_text()


@pytest.mark.django_db
def test_unpublished_page_is_a_404(client, home_page):
    add_rubric(home_page, "Черновик", "chernovik").unpublish()
    response = client.get("/chernovik/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_500_page_renders_in_russian_without_a_database():
    # No `db` fixture: any query would raise, which is the point — the 500 page must work when the DB is down.
    request = RequestFactory().get("/")
    response = server_error(request)
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.h1.get_text(strip=True) == "Ошибка сервера"
    assert soup.html["lang"] == "ru"


@pytest.mark.django_db
def test_sitemap_lists_live_pages_only(client, demo_site):
    add_rubric(demo_site["home"], "Черновик", "chernovik").unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [loc.get_text() for loc in BeautifulSoup(response.content, "xml").find_all("loc")]
    assert "http://localhost/ob-administratsii/struktura/poryadok-priyoma/" in locations
    assert "http://localhost/" in locations
    assert not any("chernovik" in loc for loc in locations)


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    # Search results and the display-mode switch are not content, and following the switch would create sessions.
    assert {"Disallow: /search/", "Disallow: /accessibility/"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines
