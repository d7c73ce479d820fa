"""The eight subsections: order, page types, one click from home, document lists newest first with format and size."""

import datetime

import pytest
from bs4 import BeautifulSoup

from cms.anticorruption.models import CommissionMeeting, CommissionMember

from .conftest import SECTION, make_document

pytestmark = pytest.mark.django_db


def test_rubric_file_gives_the_prescribed_order_and_types():
    import yaml

    data = yaml.safe_load(open("data/rubrics.yaml", encoding="utf-8"))

    def walk(rubrics):
        for rubric in rubrics:
            yield rubric
            yield from walk(rubric.get("children", []))

    section = next(r for r in walk(data["rubrics"]) if r.get("anticorruption"))
    children = section["children"]
    assert [c["slug"] for c in children] == [slug for slug, _model, _title in SECTION]
    assert [c["type"] for c in children] == [f"anticorruption.{model.__name__}" for _slug, model, _title in SECTION]
    assert children[0]["title"].startswith("Нормативные правовые и иные акты")
    assert children[7]["title"].startswith("Доклады, отчеты, обзоры")


def test_section_lists_subsections_in_order(client, section):
    page = BeautifulSoup(client.get(section["rubric"].url).content, "lxml")
    titles = [a.get_text(strip=True) for a in page.select(".listing a")]
    assert titles == [title for _slug, _model, title in SECTION]


def test_every_subsection_renders(client, section):
    for slug, _model, title in SECTION:
        response = client.get(section[slug].url)
        assert response.status_code == 200, slug
        assert title in response.content.decode()


@pytest.mark.parametrize(
    "slug", ["normativnye-akty", "metodicheskie-materialy", "formy-dokumentov", "doklady-i-otchety"]
)
def test_document_lists_newest_first_with_format_size_and_date(client, section, slug):
    page = section[slug]
    old = make_document("Старое положение", b"%PDF-1.4 " + b"x" * 2000)
    new = make_document("Новое постановление", b"%PDF-1.4 " + b"y" * 500)
    page.documents = [
        ("document", {"document": old, "title": "", "date": datetime.date(2023, 5, 1), "number": "12-п", "note": ""}),
        ("document", {"document": new, "title": "", "date": datetime.date(2025, 2, 3), "number": "7", "note": ""}),
    ]
    page.save_revision().publish()
    html = BeautifulSoup(client.get(page.url).content, "lxml")
    items = [li.get_text(" ", strip=True) for li in html.select(".ac-doc")]
    assert items[0].startswith("Новое постановление (PDF, 509 Б)")
    assert "от 03.02.2025 № 7" in items[0]
    assert items[1].startswith("Старое положение (PDF, 2 КБ)")


def test_commission_members_by_role_meetings_and_how_to_notify(client, section):
    CommissionMember.objects.create(name="Член Первый Иванович", role="member", sort_order=0)
    CommissionMember.objects.create(name="Председатель Главный Петрович", role="chair", sort_order=5)
    CommissionMember.objects.create(name="Секретарь Строгий Олегович", role="secretary")
    decision = make_document("Выписка из протокола")
    CommissionMeeting.objects.create(
        date=datetime.date(2025, 11, 18),
        agenda="О конфликте интересов",
        decision="Рекомендовать отстранить",
        decision_document=decision,
    )
    CommissionMeeting.objects.create(date=datetime.date(2025, 12, 1), agenda="Черновое заседание", is_published=False)
    page = section["komissiya-po-konfliktu-interesov"]
    page.how_to_notify = "<p>Уведомление подаётся секретарю комиссии.</p>"
    page.save_revision().publish()
    html = BeautifulSoup(client.get(page.url).content, "lxml")
    members = [li.get_text(" ", strip=True) for li in html.select(".ac-members li")]
    assert members[0].startswith("Председатель комиссии: Председатель Главный Петрович")
    assert members[1].startswith("Секретарь комиссии:")
    assert members[2].startswith("Член комиссии:")
    meetings = html.select(".ac-meetings li")
    assert len(meetings) == 1
    assert "Рекомендовать отстранить" in meetings[0].get_text()
    assert "(PDF," in meetings[0].find("a").get_text()
    assert "Уведомление подаётся секретарю комиссии." in html.get_text()


def test_home_links_the_section_directly(client, section):
    from cms.pages.models import HomePage

    home = HomePage.objects.get()
    home.anticorruption_page = section["rubric"]
    home.save_revision().publish()
    html = BeautifulSoup(client.get("/").content, "lxml")
    assert html.find("a", href=section["rubric"].url)
