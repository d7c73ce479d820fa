"""The FAQ in a real browser: WCAG 2.1 AA (axe-core), 200 % zoom, and voting and asking without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from cms.faq.models import FaqIndexPage
from tests.conftest import add_rubric
from tests.faq.conftest import make_entry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
FAQ = "/obrashcheniya-grazhdan/voprosy-i-otvety/"


@pytest.fixture
def faq_browser_site(browser_site):
    home = browser_site["home"]
    appeals = add_rubric(home, "Обращения граждан", "obrashcheniya-grazhdan")
    budget = add_rubric(home, "Бюджет", "byudzhet")
    faq = FaqIndexPage(title="Ответы на часто задаваемые вопросы", slug="voprosy-i-otvety", intro="<p>Ответы.</p>")
    appeals.add_child(instance=faq)
    entries = []
    for number in range(23):  # more than one page of answers, so the pagination is checked too
        category = appeals if number % 2 else budget
        entries.append(
            make_entry(
                f"Как получить справку номер {number}?",
                answer=f"<p>Обратитесь в кабинет {100 + number}. <b>Справка</b> выдаётся бесплатно.</p>",
                category=category,
                tags=["справки", f"тема {number % 3}"],
            )
        )
    return {"entries": entries}


def pages_to_check(site):
    slug = site["entries"][0].slug
    return [
        FAQ,
        f"{FAQ}?page=2",
        f"{FAQ}?q=справку&order=popular",
        f"{FAQ}?q=несуществующееслово",
        f"{FAQ}?tag=spravki",
        f"{FAQ}{slug}/",
        f"{FAQ}ask/",
    ]


def _violations(page) -> str:
    results = Axe().run(page, options=AXE_OPTIONS)
    return "" if results.violations_count == 0 else results.generate_report()


def test_faq_pages_meet_wcag_21_aa(live_server, faq_browser_site, browser_page):
    failures = []
    for path in pages_to_check(faq_browser_site):
        response = browser_page.goto(live_server.url + path)
        assert response.status == 200, path
        report = _violations(browser_page)
        if report:
            failures.append(f"== {path}\n{report}")
    # The question form with its error summary, as a citizen meets it after a mistake.
    browser_page.goto(live_server.url + f"{FAQ}ask/")
    browser_page.get_by_role("button", name="Отправить вопрос").click()
    assert browser_page.locator(".submission-errors").count() == 1
    report = _violations(browser_page)
    if report:
        failures.append(f"== ask with errors\n{report}")
    assert not failures, "\n".join(failures)


def test_200_percent_zoom_needs_no_horizontal_scrolling(live_server, faq_browser_site, chromium_browser):
    context = chromium_browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    try:
        overflowing = {}
        for path in pages_to_check(faq_browser_site):
            page.goto(live_server.url + path)
            sizes = page.evaluate(
                "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
            )
            if sizes[0] > sizes[1]:
                overflowing[path] = sizes
        assert not overflowing, f"horizontal scrolling (scrollWidth, clientWidth): {overflowing}"
    finally:
        context.close()


def test_search_vote_and_ask_without_javascript(live_server, faq_browser_site, no_js_page):
    page = no_js_page
    page.goto(live_server.url + FAQ)
    page.get_by_label("Слова из вопроса").fill("справку номер 7")
    page.get_by_label("Порядок").select_option("popular")
    page.get_by_role("button", name="Показать").click()
    assert "q=" in page.url and "order=popular" in page.url
    page.get_by_role("link", name="Как получить справку номер 7?", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Как получить справку номер 7?"

    page.get_by_role("button", name="Да").click()
    assert page.url.endswith("#feedback")
    assert page.get_by_text("Спасибо!").count() >= 1
    assert page.get_by_role("button", name="Да").count() == 0

    page.get_by_role("link", name="Не нашли ответ? Задайте вопрос").click()
    page.get_by_label("Ваше имя").fill("Петров Пётр")
    page.get_by_label("Адрес электронной почты для ответа").fill("petrov@example.org")
    page.get_by_label("Вопрос").fill("Где получить справку о составе семьи?")
    page.get_by_label("Я согласен", exact=False).check()
    page.get_by_role("button", name="Отправить вопрос").click()
    assert page.locator(".registration-number").inner_text().startswith("ВП-")
