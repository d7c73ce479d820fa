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


def test_answers_link_to_the_faq_page_first_in_the_tree_not_the_first_made(client, entries, faq_site):
    from cms.faq.models import FaqIndexPage

    older = faq_site["faq"]
    older.move(faq_site["budget"], pos="last-child")  # now after the appeals rubric's subtree
    newer = FaqIndexPage(title="Вопросы и ответы", slug="otvety")
    faq_site["appeals"].add_child(instance=newer)
    newer.refresh_from_db()
    assert newer.pk > older.pk and newer.path < FaqIndexPage.objects.get(pk=older.pk).path
    html = client.get("/search/", {"q": "рассмотрение обращений"}).content.decode()
    assert newer.url + entries["deadline"].slug + "/" in html
    assert "/otvety/" + entries["deadline"].slug in html and "voprosy-i-otvety/" + entries["deadline"].slug not in html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_search_reads_the_published_answers_from_an_index_alone(entries):
    from django.db import connection

    from cms.faq.models import FaqEntry
    from tests.conftest import query_plan

    allowed = FaqEntry.objects.public().order_by().values("pk")  # the privacy join's side (search/backends)
    if connection.vendor == "postgresql":
        # Committed and vacuumed, as autovacuum keeps a live site: an index-only read needs the rows known visible
        # to everyone. Without faq_entry_live_ids PostgreSQL read the whole table (13 ms on 20,000).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE faq_faqentry")
        assert "Index Only Scan using faq_entry_live_ids" in query_plan(allowed)
    else:
        assert "COVERING INDEX" in query_plan(allowed)
    assert set(allowed.values_list("pk", flat=True)) == {entry.pk for entry in entries.values() if entry.live}
