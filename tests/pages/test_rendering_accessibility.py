"""The «version for the visually impaired»: POST forms, preferences in the session, classes on <html>.

GET never writes the session and the settings page never links to another address of itself, so a crawler
neither creates session rows nor finds an endless chain of URLs (issue 15.5).
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.sessions.models import Session

pytestmark = pytest.mark.django_db


def _html_classes(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml").html.get("class", [])


def test_ordinary_version_by_default_with_a_button_to_the_mode(client, home_page):
    soup = BeautifulSoup(client.get("/").content, "lxml")
    assert soup.html.get("class", []) == []
    button = soup.find("button", string="Версия для слабовидящих")
    form = button.find_parent("form")
    assert form["method"] == "post" and form["action"] == "/accessibility/"
    assert (button["name"], button["value"]) == ("mode", "on")
    assert form.find("input", attrs={"name": "next"})["value"] == "/"


def test_mode_on_returns_to_the_page_and_applies_large_font_and_contrast(client, demo_site):
    response = client.post("/accessibility/", {"mode": "on", "next": "/ob-administratsii/"})
    assert response.status_code == 302 and response["Location"] == "/ob-administratsii/"
    classes = _html_classes(client, "/ob-administratsii/")
    assert {"a11y", "a11y-font-large", "a11y-contrast-black-on-white", "a11y-images-on"} <= set(classes)
    soup = BeautifulSoup(client.get("/ob-administratsii/").content, "lxml")
    current = soup.select(".a11y-panel button[aria-pressed]")
    assert [b.get_text(strip=True) for b in current] == ["крупный", "чёрным по белому", "показывать"]


def test_each_option_can_be_changed_by_a_button(client, home_page):
    client.post("/accessibility/", {"mode": "on"})
    client.post("/accessibility/", {"font": "huge", "contrast": "blue", "images": "off", "next": "/"})
    classes = set(_html_classes(client))
    assert {"a11y-font-huge", "a11y-contrast-blue", "a11y-images-off"} <= classes


def test_mode_off_restores_the_ordinary_version(client, home_page):
    client.post("/accessibility/", {"mode": "on"})
    response = client.post("/accessibility/", {"mode": "off", "next": "/"})
    assert response["Location"] == "/"
    assert _html_classes(client) == []


def test_unknown_values_change_nothing_and_say_so(client, home_page):
    client.post("/accessibility/", {"mode": "on"})
    response = client.post("/accessibility/", {"font": "gigantic", "contrast": "<script>"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "lxml")
    assert "Некоторые из запрошенных настроек неизвестны" in soup.get_text()
    assert "a11y-font-large" in soup.html["class"]


def test_settings_page_is_a_post_form_that_works_without_javascript_and_says_how_long(client, home_page):
    soup = BeautifulSoup(client.get("/accessibility/", {"next": "/"}).content, "lxml")
    assert soup.h1.get_text(strip=True) == "Версия для слабовидящих"
    form = soup.find("form", class_="a11y-settings")
    assert form["method"] == "post" and form["action"] == "/accessibility/"
    assert [legend.get_text(strip=True) for legend in form.find_all("legend")] == [
        "Размер шрифта",
        "Цветовая схема",
        "Изображения",
    ]
    assert "14 дней после последнего изменения" in soup.get_text(" ", strip=True)
    assert not soup.find_all("script")
    response = client.post(
        "/accessibility/", {"next": "/", "font": "normal", "contrast": "white-on-black", "images": "on"}
    )
    assert response["Location"] == "/"
    assert "a11y-contrast-white-on-black" in _html_classes(client)


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "/accessibility/?next=/x/"]
)
def test_next_never_leaves_the_site_nor_points_at_the_settings_page(client, home_page, target):
    response = client.post("/accessibility/", {"mode": "on", "next": target})
    assert response["Location"] == "/"


def test_the_settings_page_links_only_elsewhere_so_a_crawler_ends(client, demo_site):
    """Follow every link of the settings page that leads back to it: each is the same, short address."""
    seen, queue = set(), ["/accessibility/?next=/ob-administratsii/"]
    while queue:
        url = queue.pop()
        seen.add(url)
        soup = BeautifulSoup(client.get(url).content, "lxml")
        for a in soup.find_all("a", href=True):
            if a["href"].startswith("/accessibility/") and a["href"] not in seen:
                queue.append(a["href"])
        assert len(seen) < 5, seen
    for url in seen:
        for target in parse_qs(urlsplit(url).query).get("next", []):
            assert not target.startswith("/accessibility/"), url


def test_get_requests_never_create_a_session(client, demo_site):
    client.get("/ob-administratsii/")
    client.get("/accessibility/", {"mode": "on", "next": "/"})  # an old bookmark: shows the form, sets nothing
    client.get("/accessibility/", {"font": "huge"})
    assert "sessionid" not in client.cookies
    assert Session.objects.count() == 0
