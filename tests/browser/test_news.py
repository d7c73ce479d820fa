"""The news in a real browser: WCAG 2.1 AA (axe-core) and 200 % zoom for the index, a news page and the home page."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from cms.news.models import NewsIndexPage
from tests.api.conftest import make_image, make_news
from tests.conftest import add_rubric

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
NEWS = "/novosti/"


@pytest.fixture
def news_browser_site(browser_site):
    home = browser_site["home"]
    rubric = add_rubric(home, "Благоустройство", "blagoustroystvo")
    index = NewsIndexPage(title="Новости", slug="novosti", intro="<p>Новости администрации и <b>города</b>.</p>")
    home.add_child(instance=index)
    index.save_revision().publish()
    image = make_image("Детская площадка", size=(1200, 800))
    now = timezone.now()
    for number in range(22):  # more than one page of the index, so the pagination is checked too
        make_news(
            index,
            f"Новость номер {number}: итоги заседания и планы на неделю",
            slug=f"novost-{number}",
            date=now - timedelta(days=number + 1),
            main_image=image if number % 3 == 0 else None,
            main_image_alt="Детская площадка с горкой" if number % 3 == 0 else "",
            is_press_release=number % 4 == 0,
        )
    page = make_news(
        index,
        "Открыта детская площадка на улице Лесной",
        slug="otkryta-ploshchadka",
        date=now,
        lead="Площадка построена по итогам голосования жителей.",
        body=(
            "<h2>Что построено</h2><p>Горка, качели и <b>песочница</b>.</p>"
            '<ul><li>Покрытие из резиновой крошки</li><li>Освещение</li></ul><p><a href="/">На главную</a></p>'
        ),
        main_image=image,
        main_image_alt="Детская площадка с горкой и качелями",
        rubric=rubric,
        is_press_release=True,
    )
    page.tags.add("дети", "благоустройство", "голосование-жителей-за-проекты-благоустройства")
    page.save_revision().publish()
    return {"index": index, "page": page}


def pages_to_check(site):
    return ["/", NEWS, f"{NEWS}?page=2", site["page"].url]


def _violations(page) -> str:
    results = Axe().run(page, options=AXE_OPTIONS)
    return "" if results.violations_count == 0 else results.generate_report()


def test_news_pages_meet_wcag_21_aa(live_server, news_browser_site, browser_page):
    failures = []
    for path in pages_to_check(news_browser_site):
        response = browser_page.goto(live_server.url + path)
        assert response.status == 200, path
        report = _violations(browser_page)
        if report:
            failures.append(f"== {path}\n{report}")
    assert not failures, "\n".join(failures)


def test_news_page_shows_image_lead_tags_and_rubric(live_server, news_browser_site, browser_page):
    browser_page.goto(live_server.url + news_browser_site["page"].url)
    assert browser_page.get_by_role("heading", level=1).inner_text() == "Открыта детская площадка на улице Лесной"
    assert browser_page.get_by_role("img", name="Детская площадка с горкой и качелями").count() == 1
    assert browser_page.get_by_text("Площадка построена по итогам голосования жителей.").count() == 1
    assert browser_page.get_by_role("link", name="Благоустройство", exact=True).count() >= 1
    assert browser_page.get_by_text("голосование-жителей-за-проекты-благоустройства").count() == 1


def test_200_percent_zoom_needs_no_horizontal_scrolling(live_server, news_browser_site, chromium_browser):
    context = chromium_browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    try:
        overflowing = {}
        for path in pages_to_check(news_browser_site):
            page.goto(live_server.url + path)
            sizes = page.evaluate(
                "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
            )
            if sizes[0] > sizes[1]:
                overflowing[path] = sizes
        assert not overflowing, f"horizontal scrolling (scrollWidth, clientWidth): {overflowing}"
    finally:
        context.close()
