"""The FAQ page as a citizen uses it: categories, tags, search, order, answers at their own address, JSON-LD."""

import json
import re

import pytest

from tests.faq.conftest import make_entry

pytestmark = pytest.mark.django_db

FAQ_URL = "/obrashcheniya-grazhdan/voprosy-i-otvety/"


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_lists_published_answers_grouped_by_category(client, entries):
    html = client.get(FAQ_URL).content.decode()
    assert "Как записаться на личный приём?" in html
    assert "Где посмотреть бюджет на текущий год?" in html
    assert "Секретный черновик" not in html
    assert re.search(r'<h2 class="faq-category">Обращения граждан</h2>', html)
    assert 'id="q-kak-zapisatsya-na-lichnyy-priem"' in html


def test_filters_by_tag_and_category(client, entries, faq_site):
    html = client.get(FAQ_URL, {"tag": entries["budget"].tags.first().slug}).content.decode()
    assert "Где посмотреть бюджет" in html and "Как записаться" not in html
    html = client.get(FAQ_URL, {"category": faq_site["appeals"].pk}).content.decode()
    assert "Как записаться" in html and "Где посмотреть бюджет" not in html


def test_search_within_the_faq_finds_published_answers_only(client, entries):
    html = client.get(FAQ_URL, {"q": "бюджет"}).content.decode()
    assert "Где посмотреть бюджет на текущий год?" in html
    assert "Секретный черновик" not in html
    assert "Как записаться" not in html


def test_search_looks_into_answers(client, entries):
    html = client.get(FAQ_URL, {"q": "телефону"}).content.decode()
    assert "Как записаться на личный приём?" in html


def test_orders_by_popularity_and_by_date(client, entries):
    entries["budget"].__class__.objects.filter(pk=entries["budget"].pk).update(view_count=50)
    html = client.get(FAQ_URL, {"order": "popular"}).content.decode()
    assert html.index("Где посмотреть бюджет") < html.index("Как записаться")
    newest = make_entry("Самый новый вопрос?", category=None)
    html = client.get(FAQ_URL, {"order": "new"}).content.decode()
    assert html.index(newest.question) < html.index("Как записаться")


def test_each_answer_has_its_own_address_and_counts_views(client, entries):
    entry = entries["reception"]
    response = client.get(f"{FAQ_URL}{entry.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Как записаться на личный приём?</h1>" in html
    assert "Запись на приём граждан по телефону." in html
    entry.refresh_from_db()
    assert entry.view_count == 1


def test_draft_answer_has_no_public_address(client, entries):
    assert client.get(f"{FAQ_URL}{entries['draft'].slug}/").status_code == 404


def test_json_ld_is_a_faq_page_of_the_answers_shown(client, entries):
    data = json_ld(client.get(FAQ_URL).content.decode())
    assert data["@type"] == "FAQPage"
    names = {item["name"] for item in data["mainEntity"]}
    assert "Как записаться на личный приём?" in names
    assert "Секретный черновик про бюджет" not in names
    answer = next(i for i in data["mainEntity"] if i["name"].startswith("В какой срок"))["acceptedAnswer"]
    assert answer == {"@type": "Answer", "text": "В течение 30 дней."}


def test_json_ld_cannot_be_broken_out_of(client, faq_site):
    make_entry("Что будет, если написать </script><script>alert(1)</script>?", answer="<p>Ничего.</p>")
    html = client.get(FAQ_URL).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["mainEntity"][0]["name"].startswith("Что будет")


def test_pagination_past_the_end_shows_the_last_page(client, faq_site):
    for number in range(25):
        make_entry(f"Вопрос номер {number:02d}?")
    response = client.get(FAQ_URL, {"page": "99"})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert 'aria-current="page">2<' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 500},
        {"q": "!!!???"},
        {"q": "приём\x00граждан"},
        {"q": "' OR 1=1 --"},
        {"category": "abc", "order": "nonsense", "page": "-1", "tag": "нет-такой"},
        {"tag": "a\x00b", "category": "99999999999999999999"},
    ],
)
def test_bad_input_answers_a_normal_page(client, entries, params):
    assert client.get(FAQ_URL, params).status_code == 200


@pytest.mark.parametrize("size", [5, 30])
def test_list_costs_a_constant_number_of_queries(client, faq_site, django_assert_max_num_queries, size):
    for number in range(size):
        make_entry(f"Вопрос {number}?", category=faq_site["budget"], tags=[f"метка {number % 4}", "общая"])
    client.get(FAQ_URL)  # warm caches shared by every page (site root, settings)
    with django_assert_max_num_queries(20):
        assert client.get(FAQ_URL).status_code == 200
    with django_assert_max_num_queries(22):
        assert client.get(FAQ_URL, {"q": "Вопрос", "order": "popular"}).status_code == 200


def test_the_sitemap_lists_published_answers_only(client, entries):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"{FAQ_URL}{entries['reception'].slug}/</loc>" in xml
    assert entries["draft"].slug not in xml
