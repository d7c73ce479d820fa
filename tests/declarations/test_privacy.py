"""Applicants' names and e-mails never reach public pages, search, the API, the sitemap, INFO logs or e-mails."""

import json
import logging
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIRequestFactory

from cms.declarations.api import DraftActViewSet
from cms.declarations.models.proposals import Decision, Proposal
from tests.declarations.conftest import around, make_declaration, make_draft

pytestmark = pytest.mark.django_db

NAME, EMAIL = "Уникальнова Секретина", "sekretina.unikalnova@example.ru"


@pytest.fixture
def summed_up(area):
    page = make_draft(
        area["drafts"],
        "svodka",
        [("initiation", date(2026, 1, 1)), ("discussion", date(2026, 1, 10)), ("summary", date(2026, 2, 1))],
        discussion=(date(2026, 1, 10), date(2026, 1, 20)),
        socially_significant=True,
        list_year=2026,
        plain_summary="Понятное описание.",
    )
    Proposal.objects.create(
        page=page,
        name=NAME,
        email=EMAIL,
        text="Публичный текст предложения.",
        decision=Decision.ACCEPTED,
        decision_reason="Учтено.",
    )
    return page


PUBLIC_PAGES = ["{page}", "{drafts}", "{drafts}perechen/2026/", "{discussion}", "/sitemap.xml"]


def _found(client, query):
    """Links of the citizen search's results for ``query`` (its echo of the query is not a result)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/search/", {"q": query}).content, "lxml")
    return [a["href"] for a in soup.select("ol.search-results__list a")]


def test_names_and_emails_are_not_on_public_pages_or_sitemap(client, area, summed_up):
    urls = [
        u.format(page=summed_up.url, drafts=area["drafts"].url, discussion=area["discussion"].url) for u in PUBLIC_PAGES
    ]
    texts = {url: client.get(url).content.decode() for url in urls}
    assert "Публичный текст предложения." in texts[summed_up.url]
    for url, text in texts.items():
        assert NAME not in text and EMAIL not in text, url


def test_search_finds_the_draft_but_not_by_an_applicants_name_or_email(client, area, summed_up):
    from wagtail.search.backends import get_search_backend

    get_search_backend().add(summed_up)
    assert summed_up.url in _found(client, "Понятное описание")
    assert _found(client, NAME) == []
    assert _found(client, EMAIL) == []


def test_names_and_emails_are_not_in_the_api(area, summed_up):
    factory = APIRequestFactory()
    listing = DraftActViewSet.as_view({"get": "list"})(factory.get("/api/v2/draft-acts/"))
    detail = DraftActViewSet.as_view({"get": "retrieve"})(factory.get("/"), pk=summed_up.pk)
    for response in (listing, detail):
        response.render()
        body = json.loads(response.content)
        text = json.dumps(body, ensure_ascii=False)
        assert "Публичный текст предложения." in text
        assert NAME not in text and EMAIL not in text


@override_settings(SUBMISSIONS_NOTIFY_EMAILS=["moderator@example.ru"])
def test_sending_keeps_personal_data_out_of_info_logs_and_emails(
    client, area, caplog, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    page = make_declaration(area["declarations"], today.year, discussion=around(today, 1, 1))
    caplog.set_level(logging.INFO)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page.url, {"name": NAME, "email": EMAIL, "text": "Текст с подробностями.", "consent": "on"}
        )
    assert response.status_code == 302
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert NAME not in logged and EMAIL not in logged and "Текст с подробностями." not in logged
    for message in mail.outbox:
        body = message.body + message.subject + "".join(str(a[0]) for a in getattr(message, "alternatives", []))
        assert NAME not in body and EMAIL not in body and "Текст с подробностями." not in body


def test_a_pending_proposal_on_an_open_page_is_not_shown(client, area):
    today = timezone.localdate()
    page = make_draft(
        area["drafts"],
        "idet",
        [("initiation", today - timedelta(days=3)), ("discussion", today)],
        discussion=around(today, 0, 3),
    )
    Proposal.objects.create(page=page, name=NAME, email=EMAIL, text="Ждёт модерации.")
    html = client.get(page.url).content.decode()
    assert NAME not in html and EMAIL not in html and "Ждёт модерации." not in html
