"""«Задать вопрос»: CSRF, honeypot, rate limit, routing to the owning unit's inbox, one-step draft entry, privacy."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIRequestFactory

from cms.faq.api import FaqEntryViewSet
from cms.faq.models import FaqEntry, FaqQuestion
from cms.ownership import api as ownership
from cms.snippets.models import ResponsibleUnit

pytestmark = pytest.mark.django_db

ASK_URL = "/obrashcheniya-grazhdan/voprosy-i-otvety/ask/"
FAQ_URL = "/obrashcheniya-grazhdan/voprosy-i-otvety/"
SENDER = {"name": "Иванова Мария", "email": "maria.private@example.org"}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def units(faq_site):
    """Two units with editors groups; the budget rubric belongs to the finance unit, the FAQ page to the IT unit."""
    finance_group = Group.objects.create(name="Редакторы: финансы")
    it_group = Group.objects.create(name="Редакторы: информресурсы")
    finance = ResponsibleUnit.objects.create(name="Финансовый отдел", slug="finansy", editors_group=finance_group)
    it = ResponsibleUnit.objects.create(name="Отдел информресурсов", slug="inform", editors_group=it_group)
    for page, unit in ((faq_site["budget"], finance), (faq_site["faq"], it)):
        ownership.assign(page, unit=unit)
    return {"finance": finance, "it": it}


def ask(client, **data):
    payload = {**SENDER, "text": "Когда опубликуют отчёт об исполнении бюджета?", "consent": "on", **data}
    return client.post(ASK_URL, payload)


def editor_of(group, django_user_model, name):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(name, f"{name}@example.com", "pass")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(*Permission.objects.filter(content_type__app_label="faq", codename__endswith="_faqentry"))
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_the_form_works_without_javascript_and_gives_a_receipt(client, units, faq_site):
    assert 'action="' in client.get(ASK_URL).content.decode()
    response = ask(client, category=faq_site["budget"].pk)
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    question = FaqQuestion.objects.get()
    assert question.registration_number in html
    assert question.owner_unit == units["finance"]


def test_without_a_topic_the_question_goes_to_the_faq_pages_owner(client, units):
    ask(client)
    assert FaqQuestion.objects.get().owner_unit == units["it"]


def test_errors_keep_what_was_typed(client, units):
    response = ask(client, email="not-an-address")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Когда опубликуют отчёт об исполнении бюджета?" in html
    assert "Иванова Мария" in html
    assert not FaqQuestion.objects.exists()


def test_honeypot_and_csrf_and_rate_limit(units):
    client = Client(enforce_csrf_checks=True)
    assert ask(client).status_code == 403
    client = Client()
    assert ask(client, website="http://spam.example").status_code == 400
    assert not FaqQuestion.objects.exists()
    statuses = [ask(client).status_code for _ in range(6)]
    assert statuses[-1] == 429


def test_the_inbox_shows_a_unit_only_its_questions(units, faq_site, django_user_model):
    client = Client()
    ask(client, category=faq_site["budget"].pk, text="Вопрос о бюджете")
    cache.clear()
    ask(client, text="Вопрос без темы")
    finance = editor_of(units["finance"].editors_group, django_user_model, "fin")
    html = finance.get("/admin/faq/faqquestion/").content.decode()
    assert "Вопрос о бюджете" in html and "Вопрос без темы" not in html
    other = FaqQuestion.objects.get(text="Вопрос без темы")
    assert finance.get(f"/admin/faq/faqquestion/inspect/{other.pk}/").status_code in (302, 403)


def test_an_editor_makes_a_draft_entry_in_one_step_without_the_senders_details(
    units, faq_site, django_user_model, client
):
    ask(Client(), category=faq_site["budget"].pk)
    question = FaqQuestion.objects.get()
    finance = editor_of(units["finance"].editors_group, django_user_model, "fin")
    assert finance.get(f"/admin/faq/questions/{question.pk}/to-entry/").status_code == 200
    response = finance.post(f"/admin/faq/questions/{question.pk}/to-entry/")
    entry = FaqEntry.objects.get()
    assert response["Location"] == f"/admin/snippets/faq/faqentry/edit/{entry.pk}/"
    assert entry.question == "Когда опубликуют отчёт об исполнении бюджета?"
    assert entry.category_id == faq_site["budget"].pk and not entry.live
    question.refresh_from_db()
    assert question.entry == entry and question.status == "in_progress"
    # The entry belongs to the unit that received the question: it is in that unit's review report.
    assert ownership.owner_of(entry).unit == units["finance"]
    finance_user = django_user_model.objects.get(username="fin")
    assert ownership.records_answered_by(finance_user).exists()
    # A second click opens the same entry instead of making another.
    finance.post(f"/admin/faq/questions/{question.pk}/to-entry/")
    assert FaqEntry.objects.count() == 1


def test_the_senders_details_never_reach_the_site_search_or_api(units, faq_site, django_user_model):
    ask(Client(), category=faq_site["budget"].pk)
    question = FaqQuestion.objects.get()
    from cms.faq.questions import make_draft_entry

    entry = make_draft_entry(question)
    entry.answer = "<p>Отчёт публикуется до 1 мая.</p>"
    entry.save_revision().publish()
    public = Client()
    pages = [FAQ_URL, f"{FAQ_URL}{FaqEntry.objects.get().slug}/", f"{FAQ_URL}?q=Иванова", "/search/?q=Иванова"]
    for url in pages:
        html = public.get(url).content.decode()
        assert SENDER["email"] not in html and SENDER["name"] not in html, url
    assert not FaqEntry.objects.public().search("Иванова")
    response = FaqEntryViewSet.as_view({"get": "list"})(APIRequestFactory().get("/api/v2/faq/"))
    response.render()
    assert SENDER["email"] not in response.content.decode() and "Иванова" not in response.content.decode()


def test_citizens_cannot_read_the_inbox(units):
    ask(Client())
    question = FaqQuestion.objects.get()
    assert Client().get(f"/admin/faq/faqquestion/inspect/{question.pk}/").status_code == 302
