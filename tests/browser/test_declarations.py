"""The declarations area in a real browser: WCAG 2.1 AA (axe-core), 200 % zoom, and the proposal form without JS."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from cms.declarations.models import Decision, Proposal
from tests.declarations.conftest import (  # noqa: F401  (fixtures)
    add_archive_documents,
    area,
    around,
    indicator,
    make_declaration,
    make_draft,
    unit,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def area_pages(area):  # noqa: F811  (the fixture imported above)
    today = timezone.localdate()
    declaration = make_declaration(
        area["declarations"],
        today.year,
        discussion=around(today, 1, 5),
        indicators=[
            indicator("Доля услуг в электронном виде", target_q1=45, actual_q1=46, target_year=60),
            indicator("Средний срок предоставления услуги", "дней", "lower", target_q1=10, actual_q1=11),
            indicator("Удовлетворённость заявителей", actual_q1=86),
            indicator("Обоснованные жалобы", "жалоб", "lower", target_q1=0, actual_q1=0),
        ],
    )
    make_declaration(area["declarations"], today.year - 1, indicators=[indicator("Показатель", target_year=1)])
    open_draft = make_draft(
        area["drafts"],
        "otkryt",
        [("initiation", today), ("published", today), ("discussion", today)],
        discussion=around(today, 0, 5),
        socially_significant=True,
        list_year=today.year,
        plain_summary="Жители смогут сами предлагать дворы для ремонта.",
    )
    summed = make_draft(
        area["drafts"],
        "itogi",
        [("initiation", date(2026, 1, 1)), ("discussion", date(2026, 1, 10)), ("summary", date(2026, 2, 1))],
        discussion=(date(2026, 1, 10), date(2026, 1, 20)),
    )
    Proposal.objects.create(
        page=summed,
        name="Иванова",
        email="i@example.ru",
        text="Осветить трассу.",
        decision=Decision.REJECTED,
        decision_reason="Нет средств.",
    )
    add_archive_documents(area["archive"], [(2025, "work_plan", "План работы на 2025 год")])
    return [
        area["declarations"].url,
        declaration.url,
        area["discussion"].url,
        area["archive"].url,
        area["archive"].url + "?year=abc",
        area["drafts"].url,
        area["drafts"].url + f"perechen/{today.year}/",
        open_draft.url,
        summed.url,
    ], open_draft


def test_area_pages_meet_wcag_21_aa(live_server, area_pages, browser_page):
    paths, _draft = area_pages
    failures = []
    for path in paths:
        response = browser_page.goto(live_server.url + path)
        assert response.status == 200, path
        results = Axe().run(browser_page, options=AXE_OPTIONS)
        if results.violations_count:
            failures.append(f"== {path}\n{results.generate_report()}")
    assert not failures, "\n".join(failures)


def test_form_errors_meet_wcag_and_keep_what_was_typed_without_javascript(live_server, area_pages, no_js_page):
    _paths, draft = area_pages
    no_js_page.goto(live_server.url + draft.url)
    no_js_page.fill("input[name=name]", "Петров Пётр")
    no_js_page.fill("textarea[name=text]", "Прошу продлить срок.")
    no_js_page.click("section.decl-discussion button[type=submit]")
    assert no_js_page.input_value("textarea[name=text]") == "Прошу продлить срок."
    assert no_js_page.locator("[role=alert]").count() == 1
    assert not Proposal.objects.filter(page_id=draft.pk).exists()


def test_200_percent_zoom_needs_no_horizontal_scrolling(live_server, area_pages, chromium_browser):
    paths, _draft = area_pages
    context = chromium_browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    try:
        overflowing = {}
        for path in paths:
            page.goto(live_server.url + path)
            sizes = page.evaluate(
                "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
            )
            if sizes[0] > sizes[1]:
                overflowing[path] = sizes
        assert not overflowing, f"horizontal scrolling (scrollWidth, clientWidth): {overflowing}"
    finally:
        context.close()
