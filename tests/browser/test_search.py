"""The search page in a real browser: WCAG 2.1 AA with results, filters and zero-result help; no JavaScript needed."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
PATHS = [
    "/search/?q=приём+граждан",  # pages and documents, words marked
    "/search/?q=приём&type=documents",
    "/search/?q=парядок+граждон",  # zero results: suggestion and sections
    "/search/?q=!!!",
    "/search/?q=приём&section=abc&date_from=2020-01-01",
]


@pytest.fixture
def search_site(browser_site):
    document = get_document_model()(title="Отчёт о приёме граждан", collection=Collection.get_first_root_node())
    document.file.save("otchet.txt", ContentFile("Принято 120 граждан на личном приёме.".encode()), save=False)
    document.save()
    return browser_site


def test_search_page_meets_wcag_21_aa(live_server, search_site, browser_page):
    failures = []
    for path in PATHS:
        assert browser_page.goto(live_server.url + path).status == 200
        results = Axe().run(browser_page, options=AXE_OPTIONS)
        if results.violations_count:
            failures.append(f"== {path}\n{results.generate_report()}")
    assert not failures, "\n".join(failures)


def test_search_with_filters_works_without_javascript(live_server, search_site, no_js_page):
    no_js_page.goto(live_server.url + "/ob-administratsii/")
    no_js_page.fill("#site-search-q", "приём граждан")
    no_js_page.locator("form.site-search button").click()
    assert no_js_page.locator("#search-group-pages").is_visible()
    no_js_page.locator("summary", has_text="Фильтры").click()
    no_js_page.select_option("#search-type", "documents")
    no_js_page.locator("button", has_text="Применить фильтры").click()
    assert "type=documents" in no_js_page.url
    assert no_js_page.locator("#search-group-documents").is_visible()
    assert no_js_page.locator("#search-group-documents ~ ol mark").first.is_visible()


def test_search_page_needs_no_horizontal_scrolling_at_200_percent(live_server, search_site, chromium_browser):
    context = chromium_browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/search/?q=приём+граждан")
        page.locator("summary", has_text="Фильтры").click()
        widths = page.evaluate("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
        assert widths[0] <= widths[1], widths
    finally:
        context.close()
