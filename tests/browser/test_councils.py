"""The councils' pages in a real browser: WCAG 2.1 AA (axe-core), 200 % zoom, the date form without JavaScript."""

from datetime import date, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from cms.councils.models import (
    CouncilRole,
    CouncilStatute,
    DraftAct,
    FormationNotice,
    Publication,
    WorkPlan,
)
from tests.councils.conftest import SECTIONS, add_council, add_meeting, add_member, local

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
INDEX = "/obshchestvennye-sovety/"
COUNCIL = INDEX + "sovet-po-obrazovaniyu/"


@pytest.fixture
def councils_browser_site(demo_site):
    from cms.councils.models import CouncilIndexPage

    index = CouncilIndexPage(title="Общественные советы", slug="obshchestvennye-sovety", show_in_menus=True)
    demo_site["home"].add_child(instance=index)
    for model, title, slug in SECTIONS:
        index.add_child(instance=model(title=title, slug=slug))
    council = add_council(index, "Совет по образованию", "sovet-po-obrazovaniyu")
    add_council(index, "Совет по ЖКХ", "sovet-po-zhkh", sector="ЖКХ")
    add_member(council, "Берёзкина Алла Викторовна", date(2024, 1, 1), date(2024, 12, 31), role=CouncilRole.CHAIR)
    add_member(council, "Кедров Олег Павлович", date(2025, 1, 1), role=CouncilRole.CHAIR, organisation="Родители")
    add_member(council, "Лиственная Ольга Петровна", date(2024, 1, 1), role=CouncilRole.SECRETARY)
    CouncilStatute.objects.create(council=council, title="Положение о совете", approval_date=date(2024, 2, 1))
    CouncilStatute.objects.create(council=council, title="Положение (ред. 2025)", approval_date=date(2025, 2, 1))
    WorkPlan.objects.create(council=council, year=2025, approval_date=date(2025, 1, 20), summary="<p>Отчёты школ.</p>")
    add_meeting(council, local(2024, 5, 20), decisions="<p>Принять к сведению.</p>")
    add_meeting(council, timezone.now() + timedelta(days=10), cancelled=True)
    today = timezone.localdate()
    FormationNotice.objects.create(
        council=council,
        title="Набор в новый состав",
        procedure_start=today,
        procedure_end=today + timedelta(days=30),
        eligibility="<p>Жители ЗАТО.</p>",
        how_to_apply="<p>Заявление в каб. 101.</p>",
    )
    Publication.objects.create(
        council=council, title="Отчёт за год", kind="report", published_on=today, url="https://example.org/r"
    )
    DraftAct.objects.create(council=council, title="Проект постановления", submitted_on=today, opinion="<p>Да.</p>")
    return (
        [INDEX, COUNCIL, COUNCIL + "?date=2024-06-01", COUNCIL + "?date=31.02.2024"]
        + [f"{INDEX}{slug}/" for _, _, slug in SECTIONS]
        + [f"{INDEX}sostav/?date=2024-06-01"]
    )


def test_council_pages_meet_wcag_21_aa(live_server, councils_browser_site, browser_page):
    failures = []
    for path in councils_browser_site:
        response = browser_page.goto(live_server.url + path)
        assert response.status == 200, path
        results = Axe().run(browser_page, options=AXE_OPTIONS)
        if results.violations_count:
            failures.append(f"== {path}\n{results.generate_report()}")
    assert not failures, "\n".join(failures)


def test_council_pages_need_no_horizontal_scrolling_at_200_percent(
    live_server, councils_browser_site, chromium_browser
):
    context = chromium_browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    try:
        overflowing = {}
        for path in councils_browser_site:
            page.goto(live_server.url + path)
            sizes = page.evaluate(
                "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
            )
            if sizes[0] > sizes[1]:
                overflowing[path] = sizes
        assert not overflowing, f"horizontal scrolling (scrollWidth, clientWidth): {overflowing}"
    finally:
        context.close()


def test_composition_on_a_date_works_without_javascript(live_server, councils_browser_site, no_js_page):
    page = no_js_page
    page.goto(live_server.url + COUNCIL)
    assert page.get_by_role("cell", name="Кедров Олег Павлович").count() == 0  # row headers are th
    assert page.get_by_role("rowheader", name="Кедров Олег Павлович").is_visible()
    page.get_by_label("Состав на дату").fill("2024-06-01")
    page.get_by_role("button", name="Показать").click()
    assert "date=2024-06-01" in page.url
    assert "Состав совета на 1 июня 2024" in page.get_by_role("heading", level=2, name="Состав совета").inner_text()
    assert page.get_by_role("rowheader", name="Берёзкина Алла Викторовна").is_visible()
    assert page.get_by_role("rowheader", name="Кедров Олег Павлович").count() == 0
