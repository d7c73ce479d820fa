"""«Был ли ответ полезен?»: one vote per visitor per entry, no JavaScript, CSRF, nothing personal stored."""

import pytest
from django.test import Client

from cms.faq.feedback import VOTES_COOKIE
from cms.faq.models import FaqEntry

pytestmark = pytest.mark.django_db

FAQ_URL = "/obrashcheniya-grazhdan/voprosy-i-otvety/"


def vote_url(entry):
    return f"{FAQ_URL}{entry.slug}/vote/"


def test_a_vote_counts_once_per_visitor(client, entries):
    entry = entries["reception"]
    response = client.post(vote_url(entry), {"helpful": "yes"})
    assert response.status_code == 303
    assert response["Location"].endswith(f"{entry.slug}/#feedback")
    client.post(vote_url(entry), {"helpful": "no"})
    client.post(vote_url(entry), {"helpful": "yes"})
    entry.refresh_from_db()
    assert (entry.helpful_yes, entry.helpful_no) == (1, 0)


def test_another_visitor_and_another_entry_count_separately(client, entries):
    client.post(vote_url(entries["reception"]), {"helpful": "yes"})
    client.post(vote_url(entries["deadline"]), {"helpful": "no"})
    Client().post(vote_url(entries["reception"]), {"helpful": "no"})
    reception, deadline = (FaqEntry.objects.get(pk=entries[k].pk) for k in ("reception", "deadline"))
    assert (reception.helpful_yes, reception.helpful_no) == (1, 1)
    assert (deadline.helpful_yes, deadline.helpful_no) == (0, 1)


def test_after_voting_the_page_thanks_instead_of_asking_again(client, entries):
    entry = entries["reception"]
    html = client.get(f"{FAQ_URL}{entry.slug}/").content.decode()
    assert 'name="helpful" value="yes"' in html
    html = client.post(vote_url(entry), {"helpful": "yes"}, follow=True).content.decode()
    assert 'name="helpful" value="yes"' not in html
    assert "Спасибо" in html


def test_the_cookie_holds_only_signed_entry_ids(client, entries):
    entry = entries["reception"]
    response = client.post(vote_url(entry), {"helpful": "yes"}, REMOTE_ADDR="203.0.113.5")
    cookie = response.cookies[VOTES_COOKIE]
    assert cookie["httponly"]
    assert cookie.value.split(":")[0] == str(entry.pk)
    # A visitor editing the cookie cannot vote again under a forged list.
    client.cookies[VOTES_COOKIE] = "999"
    client.post(vote_url(entry), {"helpful": "yes"})
    entry.refresh_from_db()
    assert entry.helpful_yes == 2  # the forged cookie is ignored: it is a fresh visitor, not a replay
    assert "203.0.113.5" not in str(FaqEntry.objects.filter(pk=entry.pk).values().get())


def test_a_vote_needs_the_csrf_token(entries):
    client = Client(enforce_csrf_checks=True)
    response = client.post(vote_url(entries["reception"]), {"helpful": "yes"})
    assert response.status_code == 403
    assert FaqEntry.objects.get(pk=entries["reception"].pk).helpful_yes == 0


def test_the_form_carries_the_csrf_token(entries):
    client = Client(enforce_csrf_checks=True)
    html = client.get(f"{FAQ_URL}{entries['reception'].slug}/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'action="{vote_url(entries["reception"])}"' in html


def test_bad_votes_change_nothing_and_never_fail(client, entries):
    entry = entries["reception"]
    assert client.post(vote_url(entry), {"helpful": "maybe"}).status_code == 303
    assert client.get(vote_url(entry)).status_code == 405
    assert client.post(f"{FAQ_URL}net-takogo/vote/", {"helpful": "yes"}).status_code == 404
    assert client.post(vote_url(entries["draft"]), {"helpful": "yes"}).status_code == 404
    entry.refresh_from_db()
    assert (entry.helpful_yes, entry.helpful_no) == (0, 0)


def test_counters_show_on_the_answer(client, entries):
    entry = entries["reception"]
    FaqEntry.objects.filter(pk=entry.pk).update(helpful_yes=3, helpful_no=1)
    html = client.get(f"{FAQ_URL}{entry.slug}/").content.decode()
    assert "3" in html and "4" in html
