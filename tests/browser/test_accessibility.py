"""The citizen site in a real browser: WCAG 2.1 A/AA (axe-core), 200 % zoom, keyboard, and no JavaScript at all."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

# Every kind of page a citizen meets: (path, expected HTTP status).
PAGES = [
    ("/", 200),
    ("/ob-administratsii/", 200),
    ("/ob-administratsii/struktura/", 200),
    ("/ob-administratsii/struktura/poryadok-priyoma/", 200),
    ("/ob-administratsii/obraztsy/", 200),
    ("/search/?q=приёма", 200),
    ("/search/?q=несуществующееслово", 200),
    ("/search/", 200),
    ("/accessibility/", 200),
    ("/no-such-page/", 404),
]


def _violations(page) -> str:
    results = Axe().run(page, options=AXE_OPTIONS)
    return "" if results.violations_count == 0 else results.generate_report()


def test_every_page_type_meets_wcag_21_aa(live_server, browser_site, browser_page):
    failures = []
    for path, status in PAGES + [(path, 200) for path in browser_site["other_types"]]:
        response = browser_page.goto(live_server.url + path)
        assert response.status == status, path
        report = _violations(browser_page)
        if report:
            failures.append(f"== {path}\n{report}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("contrast", ["black-on-white", "white-on-black", "blue"])
def test_version_for_the_visually_impaired_meets_wcag_21_aa(live_server, browser_site, browser_page, contrast):
    choice = {"mode": "on", "contrast": contrast, "font": "huge", "images": "off"}
    browser_page.request.post(f"{live_server.url}/accessibility/", form=choice)
    failures = []
    for path in ["/", "/ob-administratsii/obraztsy/", "/search/?q=приёма"]:
        browser_page.goto(live_server.url + path)
        assert f"a11y-contrast-{contrast}" in browser_page.locator("html").get_attribute("class")
        report = _violations(browser_page)
        if report:
            failures.append(f"== {path}\n{report}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("mode", [None, {"mode": "on", "font": "huge"}])
def test_200_percent_zoom_needs_no_horizontal_scrolling(live_server, browser_site, chromium_browser, mode):
    # A 1280 px wide window at 200 % zoom lays pages out like a 640 px window at device scale 2.
    context = chromium_browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    try:
        if mode:
            page.request.post(live_server.url + "/accessibility/", form=mode)
        overflowing = {}
        for path, _status in PAGES:
            page.goto(live_server.url + path)
            sizes = page.evaluate(
                "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
            )
            if sizes[0] > sizes[1]:
                overflowing[path] = sizes
        assert not overflowing, f"horizontal scrolling (scrollWidth, clientWidth): {overflowing}"
    finally:
        context.close()


def test_skip_link_is_first_and_moves_focus_to_main(live_server, browser_site, browser_page):
    browser_page.goto(live_server.url + "/ob-administratsii/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("() => [document.activeElement.className, document.activeElement.innerText]")
    assert focused == ["skip-link", "Перейти к основному содержанию"]
    assert browser_page.locator(".skip-link").bounding_box()["y"] >= 0  # visible once focused
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("() => document.activeElement.id") == "main"


def test_navigation_search_and_visually_impaired_mode_work_without_javascript(live_server, browser_site, no_js_page):
    page = no_js_page
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Основные разделы").get_by_role("link", name="Об администрации").click()
    assert page.url == live_server.url + "/ob-administratsii/"
    assert page.get_by_role("heading", level=1).inner_text() == "Об администрации"

    page.get_by_label("Поиск по сайту").fill("приёма")
    page.get_by_role("button", name="Найти").first.click()
    assert "/search/?q=" in page.url
    page.get_by_role("link", name="Порядок приёма граждан").click()
    assert page.url == live_server.url + "/ob-administratsii/struktura/poryadok-priyoma/"

    page.get_by_role("button", name="Версия для слабовидящих").click()
    assert page.url == live_server.url + "/ob-administratsii/struktura/poryadok-priyoma/"
    assert "a11y-font-large" in page.locator("html").get_attribute("class")
    page.get_by_role("button", name="белым по чёрному").click()
    assert "a11y-contrast-white-on-black" in page.locator("html").get_attribute("class")
    page.get_by_role("button", name="Обычная версия сайта").click()
    assert page.locator("html").get_attribute("class") is None


def test_the_axe_check_reports_real_violations(live_server, browser_page):
    # Guards the suite against a silently inactive checker: an unlabelled field and an image without alt text.
    browser_page.set_content('<html lang="ru"><body><main><img src="x.png"><input type="text"></main></body></html>')
    report = _violations(browser_page)
    assert "image-alt" in report and "label" in report
