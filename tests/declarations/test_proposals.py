"""Citizens' proposals during the discussion period (cms.submissions), moderation and the published summary."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils import timezone

from cms.declarations.models.proposals import Decision, Proposal
from tests.declarations.conftest import around, make_declaration, make_draft

pytestmark = pytest.mark.django_db

VALID = {"name": "Петров Пётр", "email": "petrov@example.ru", "text": "Прошу продлить срок.", "consent": "on"}


@pytest.fixture
def open_draft(area):
    today = timezone.localdate()
    return make_draft(
        area["drafts"],
        "otkrytyy",
        [
            ("initiation", today - timedelta(days=10)),
            ("published", today - timedelta(days=2)),
            ("discussion", today - timedelta(days=2)),
        ],
        discussion=around(today, 2, 5),
    )


def _soup(response):
    return BeautifulSoup(response.content, "lxml")


def test_open_period_shows_the_form_with_its_dates(client, open_draft):
    soup = _soup(client.get(open_draft.url))
    form = soup.select_one("#proposal ~ form.submission-form, section.decl-discussion form")
    assert form is not None and form["method"] == "post"
    assert {i["name"] for i in form.select("input, textarea") if i.get("name")} >= {
        "csrfmiddlewaretoken",
        "name",
        "email",
        "text",
        "consent",
        "website",
    }
    start, end = open_draft.discussion_start, open_draft.discussion_end
    assert "Предложения принимаются с" in soup.select_one(".decl-discussion__dates").get_text()
    assert str(end.day) in soup.select_one(".decl-discussion__dates").get_text()
    assert start <= timezone.localdate() <= end


def test_sending_a_proposal_registers_it_and_shows_the_number_once(client, open_draft):
    response = client.post(open_draft.url, VALID)
    assert response.status_code == 302
    assert response["Location"] == open_draft.url + "?sent=1#proposal"
    proposal = Proposal.objects.get()
    assert (proposal.page_id, proposal.name, proposal.decision) == (open_draft.pk, "Петров Пётр", Decision.PENDING)
    page = client.get(response["Location"]).content.decode()
    assert proposal.registration_number in page
    assert proposal.registration_number not in client.get(open_draft.url).content.decode()


def test_a_validation_error_keeps_what_was_typed(client, open_draft):
    response = client.post(open_draft.url, {**VALID, "email": "не почта"})
    assert response.status_code == 400
    soup = _soup(response)
    assert soup.select_one("input[name=name]")["value"] == "Петров Пётр"
    assert soup.select_one("textarea[name=text]").get_text().strip() == "Прошу продлить срок."
    assert soup.select_one("[role=alert]") is not None
    assert not Proposal.objects.exists()


def test_honeypot_saves_nothing(client, open_draft):
    response = client.post(open_draft.url, {**VALID, "website": "http://spam.example"})
    assert response.status_code == 400
    assert not Proposal.objects.exists()


@override_settings(SUBMISSIONS_RATE_LIMIT=(1, 3600))
def test_rate_limit_per_address(client, open_draft):
    from django.core.cache import cache

    cache.clear()
    assert client.post(open_draft.url, VALID).status_code == 302
    assert client.post(open_draft.url, VALID).status_code == 429
    assert Proposal.objects.count() == 1


@pytest.mark.parametrize(("before", "after", "message"), [(-3, 10, "ещё не началось"), (20, -1, "завершено")])
def test_outside_the_period_the_form_is_closed_and_shows_the_dates(client, area, before, after, message):
    today = timezone.localdate()
    page = make_draft(area["drafts"], "zakryt", [("initiation", today)], discussion=around(today, before, after))
    soup = _soup(client.get(page.url))
    assert soup.select_one("section.decl-discussion form") is None
    assert message in soup.select_one(".submission-closed").get_text()
    dates = soup.select_one(".decl-discussion__dates").get_text()
    assert page.discussion_start.strftime("%Y") in dates
    response = client.post(page.url, VALID)
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def _moderated(page):
    rows = [
        ("Иванова Анна", "ivanova@example.ru", "Осветить лыжную трассу.", Decision.ACCEPTED, "Учтено в разделе 3.", ""),
        ("Сидоров Олег", "sidorov@example.ru", "Построить бассейн.", Decision.REJECTED, "Нет средств в бюджете.", ""),
        (
            "Кузнецова Мария",
            "kuz@example.ru",
            "Секции для детей — звоните 8-900-000-00-00, Мария.",
            Decision.PARTLY,
            "Детские секции учтены.",
            "Бесплатные секции для детей и пенсионеров.",
        ),
        ("Тролль Тролль", "troll@example.ru", "Оскорбление.", Decision.WITHHELD, "", ""),
        ("Новиков Ждущий", "novikov@example.ru", "Ещё не рассмотрено.", Decision.PENDING, "", ""),
    ]
    for name, email, text, decision, reason, public in rows:
        Proposal.objects.create(
            page=page, name=name, email=email, text=text, decision=decision, decision_reason=reason, public_text=public
        )
    return rows


def test_summary_lists_moderated_proposals_with_decisions_and_no_personal_data(client, area):
    page = make_draft(
        area["drafts"],
        "itogi",
        [("initiation", date(2026, 1, 1)), ("discussion", date(2026, 1, 10)), ("summary", date(2026, 2, 1))],
        discussion=(date(2026, 1, 10), date(2026, 1, 20)),
    )
    rows = _moderated(page)
    html = client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "lxml")
    table = soup.select_one("section.decl-discussion table")
    cells = [[td.get_text(" ", strip=True) for td in tr.find_all("td")][1:] for tr in table.tbody.find_all("tr")]
    assert cells == [
        ["Осветить лыжную трассу.", "Учтено", "Учтено в разделе 3."],
        ["Построить бассейн.", "Отклонено", "Нет средств в бюджете."],
        ["Бесплатные секции для детей и пенсионеров.", "Учтено частично", "Детские секции учтены."],
    ]
    for name, email, _text, *_rest in rows:
        assert name not in html and email not in html
    assert "Оскорбление." not in html and "Ещё не рассмотрено." not in html
    assert "8-900-000-00-00" not in html  # the moderator's public wording replaced the text


def test_no_summary_before_the_summary_stage(client, area):
    page = make_draft(
        area["drafts"],
        "rano",
        [("initiation", date(2026, 1, 1)), ("discussion", date(2026, 1, 10))],
        discussion=(date(2026, 1, 10), date(2026, 1, 20)),
    )
    _moderated(page)
    html = client.get(page.url).content.decode()
    assert "Осветить лыжную трассу." not in html


def test_declaration_takes_proposals_on_plans_and_results_the_same_way(client, area):
    today = timezone.localdate()
    declaration = make_declaration(area["declarations"], today.year, discussion=around(today, 1, 1))
    assert client.post(declaration.url, VALID).status_code == 302
    assert Proposal.objects.get().page_id == declaration.pk
    listing = _soup(client.get(area["discussion"].url))
    assert [a.get_text() for a in listing.select("#open-now ~ ul a")] == [declaration.title]


def test_declaration_summary_after_the_discussion_closed(client, area):
    today = timezone.localdate()
    declaration = make_declaration(area["declarations"], today.year - 1, discussion=around(today, 30, -20))
    rows = _moderated(declaration)
    html = client.get(declaration.url).content.decode()
    assert "Осветить лыжную трассу." in html
    for name, email, *_rest in rows:
        assert name not in html and email not in html
    past = _soup(client.get(area["discussion"].url))
    assert [a.get_text() for a in past.select("#past ~ ul a")] == [declaration.title]
