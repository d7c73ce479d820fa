"""Published answers are found by the citizen search in other word forms, at their own URL; drafts never."""

import pytest
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db


def test_site_search_finds_published_answers_in_other_word_forms(client, entries, faq_site):
    response = client.get("/search/", {"q": "рассмотрение обращений"})
    assert response.status_code == 200
    html = response.content.decode()
    text = strip_tags(html)  # matched words are highlighted with <mark>
    assert "Вопросы и ответы" in text  # the group heading
    assert "В какой срок рассматривается обращение?" in text
    assert faq_site["faq"].url + entries["deadline"].slug + "/" in html


def test_site_search_never_shows_a_draft_answer(client, entries):
    html = strip_tags(client.get("/search/", {"q": "секретный черновик"}).content.decode())
    assert "Секретный черновик" not in html
    assert "Черновик ответа" not in html


def test_the_faq_group_can_be_chosen_alone(client, entries):
    response = client.get("/search/", {"q": "бюджет", "type": "faq"})
    assert response.status_code == 200
    assert "Где посмотреть бюджет на текущий год?" in strip_tags(response.content.decode())
