"""Validators and 304s for pages, what a stored page costs, and the search statistics a stored page still counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query

from tests.conftest import add_information_page, add_rubric

from .conftest import served

pytestmark = pytest.mark.django_db


def test_a_page_answers_304_to_the_visitor_who_holds_it_and_200_after_a_change(client, demo_site):
    url = demo_site["reception"].url
    first, _state = served(client, url)
    assert first["Cache-Control"] == "no-cache" and "Cookie" in first["Vary"]
    etag, modified = first["ETag"], first["Last-Modified"]
    not_modified, state = served(client, url, if_none_match=etag)
    assert not_modified.status_code == 304 and not_modified.content == b"" and not_modified["ETag"] == etag
    assert served(client, url, if_modified_since=modified)[0].status_code == 304
    assert served(client, url, if_none_match='"someone-elses"')[0].status_code == 200

    page = demo_site["reception"]
    page.title = "Порядок приёма граждан в 2027 году"
    page.save_revision().publish()
    changed, state = served(client, url, if_none_match=etag)
    assert changed.status_code == 200 and state == "miss" and changed["ETag"] != etag
    assert "в 2027 году" in changed.content.decode()


def queries_of_a_hit(client, url) -> int:
    served(client, url)
    with CaptureQueriesContext(connection) as queries:
        response, state = served(client, url)
    assert state == "hit" and response.status_code == 200
    return len(queries)


def test_a_stored_page_costs_one_query_whatever_the_size_of_the_site(client, demo_site):
    rubric = demo_site["structure"]
    small = queries_of_a_hit(client, rubric.url)
    for number in range(30):
        add_information_page(rubric, f"Отдел № {number}", f"otdel-{number}")
        add_rubric(demo_site["home"], f"Раздел № {number}", f"razdel-{number}")
    assert small == queries_of_a_hit(client, rubric.url) == 1  # the content stamp


def test_a_search_served_from_the_cache_is_still_counted_in_the_statistics(client, demo_site):
    first, _state = served(client, "/search/?q=приём")
    second, state = served(client, "/search/?q=приём")
    assert state == "hit" and second.content == first.content
    assert Query.get("приём").hits == 2
    assert served(client, "/search/?q=приём&page=2")[0].status_code == 200  # browsing pages is not a new search
    assert Query.get("приём").hits == 2
