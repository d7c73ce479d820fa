"""The «version for the visually impaired»: plain GET links, preferences in the session, classes on <html>."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def _html_classes(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml").html.get("class", [])


def test_ordinary_version_by_default_with_a_link_to_the_mode(client, home_page):
    response = client.get("/")
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.html.get("class", []) == []
    link = soup.find("a", string="Версия для слабовидящих")
    assert link["href"] == "/accessibility/?mode=on&next=/"


def test_mode_on_returns_to_the_page_and_applies_large_font_and_contrast(client, demo_site):
    response = client.get("/accessibility/", {"mode": "on", "next": "/ob-administratsii/"})
    assert response.status_code == 302 and response["Location"] == "/ob-administratsii/"
    classes = _html_classes(client, "/ob-administratsii/")
    assert {"a11y", "a11y-font-large", "a11y-contrast-black-on-white", "a11y-images-on"} <= set(classes)
    soup = BeautifulSoup(client.get("/ob-administratsii/").content, "lxml")
    current = soup.select(".a11y-panel a[aria-current]")
    assert [a.get_text(strip=True) for a in current] == ["крупный", "чёрным по белому", "показывать"]


def test_each_option_can_be_changed_by_a_link(client, home_page):
    client.get("/accessibility/", {"mode": "on"})
    client.get("/accessibility/", {"font": "huge", "contrast": "blue", "images": "off", "next": "/"})
    classes = set(_html_classes(client))
    assert {"a11y-font-huge", "a11y-contrast-blue", "a11y-images-off"} <= classes


def test_mode_off_restores_the_ordinary_version(client, home_page):
    client.get("/accessibility/", {"mode": "on"})
    response = client.get("/accessibility/", {"mode": "off", "next": "/"})
    assert response["Location"] == "/"
    assert _html_classes(client) == []


def test_unknown_values_change_nothing_and_say_so(client, home_page):
    client.get("/accessibility/", {"mode": "on"})
    response = client.get("/accessibility/", {"font": "gigantic", "contrast": "<script>"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    assert "Некоторые из запрошенных настроек неизвестны" in soup.get_text()
    assert "a11y-font-large" in soup.html["class"]


def test_settings_page_is_a_form_that_works_without_javascript(client, home_page):
    response = client.get("/accessibility/", {"next": "/"})
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.h1.get_text(strip=True) == "Версия для слабовидящих"
    form = soup.find("form", class_="a11y-settings")
    assert form["method"] == "get" and form["action"] == "/accessibility/"
    assert [legend.get_text(strip=True) for legend in form.find_all("legend")] == [
        "Размер шрифта",
        "Цветовая схема",
        "Изображения",
    ]
    assert not soup.find_all("script")
    # Submitting the form is a plain GET.
    response = client.get(
        "/accessibility/", {"next": "/", "font": "normal", "contrast": "white-on-black", "images": "on"}
    )
    assert response["Location"] == "/"
    assert "a11y-contrast-white-on-black" in _html_classes(client)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_next_never_leaves_the_site(client, home_page, target):
    response = client.get("/accessibility/", {"mode": "on", "next": target})
    assert response["Location"] == "/"


def test_ordinary_visitors_get_no_session(client, demo_site):
    client.get("/ob-administratsii/")
    assert "sessionid" not in client.cookies
