"""The anti-corruption section in a real browser: WCAG 2.1 AA (axe), 200 % zoom, and the report form without JS."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.anticorruption.conftest import SECTION

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
BASE = "/protivodeystvie-korruptsii/"


@pytest.fixture
def section_site(home_page, site_settings):
    """The section with its eight pages filled by the demo hook (two years, commission, drafts)."""
    from cms.anticorruption.demo import fill
    from cms.pages.models import RubricPage

    rubric = RubricPage(title="Противодействие коррупции", slug="protivodeystvie-korruptsii")
    home_page.add_child(instance=rubric)
    pages = {}
    for slug, model, title in SECTION:
        page = model(title=title, slug=slug, intro="<p>Вступление подраздела.</p>")
        rubric.add_child(instance=page)
        page.save_revision().publish()
        pages[slug] = model.objects.get(pk=page.pk)
    fill(pages)
    from cms.anticorruption.models import ExpertiseDraftPage

    return (
        [BASE]
        + [BASE + slug + "/" for slug, _m, _t in SECTION]
        + [
            BASE + "svedeniya-o-dokhodakh/2024/",
            *[draft.url for draft in ExpertiseDraftPage.objects.live()],
        ]
    )


def test_section_pages_meet_wcag_21_aa(live_server, section_site, browser_page):
    failures = []
    for path in section_site:
        response = browser_page.goto(live_server.url + path)
        assert response.status == 200, path
        results = Axe().run(browser_page, options=AXE_OPTIONS)
        if results.violations_count:
            failures.append(f"== {path}\n{results.generate_report()}")
    assert not failures, "\n".join(failures)


def test_form_errors_meet_wcag_21_aa(live_server, section_site, browser_page):
    browser_page.goto(live_server.url + BASE + "obratnaya-svyaz/")
    browser_page.click(".submission-form button[type=submit]")
    assert browser_page.locator(".submission-errors").is_visible()
    results = Axe().run(browser_page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_200_percent_zoom_the_table_scrolls_in_its_region_only(live_server, section_site, chromium_browser):
    context = chromium_browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    try:
        overflowing = {}
        for path in section_site:
            page.goto(live_server.url + path)
            sizes = page.evaluate(
                "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
            )
            if sizes[0] > sizes[1]:
                overflowing[path] = sizes
        assert not overflowing, overflowing
        page.goto(live_server.url + BASE + "svedeniya-o-dokhodakh/")
        region = page.evaluate(
            "() => { const r = document.querySelector('.ac-table-scroll'); return [r.scrollWidth, r.clientWidth]; }"
        )
        assert region[0] > region[1]  # the wide table scrolls inside its own focusable region
    finally:
        context.close()


def test_report_form_works_without_javascript(live_server, section_site, no_js_page):
    no_js_page.goto(live_server.url + BASE + "obratnaya-svyaz/")
    no_js_page.fill("#id_name", "Иванов Иван Иванович")
    no_js_page.fill("#id_contact", "ivanov@example.org")
    no_js_page.check("#id_consent")
    no_js_page.click(".submission-form button[type=submit]")
    # A missing message keeps what was typed.
    assert no_js_page.input_value("#id_name") == "Иванов Иван Иванович"
    no_js_page.fill("#id_text", "Сообщение о факте коррупции")
    no_js_page.check("#id_consent")
    no_js_page.click(".submission-form button[type=submit]")
    receipt = no_js_page.locator(".submission-receipt").inner_text()
    assert "АК-" in receipt and "Дата поступления" in receipt
