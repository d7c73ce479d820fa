"""The citizen search finds what a citizen typing inflected Russian means: recall@5 and MRR@10 on the relevance set.

The full set and the comparison with Wagtail's stock search are in bench/search_bench.py; here the queries
marked ``test: true``, through the /search/ view, on whichever engine the run uses (SQLite or PostgreSQL).
"""

import pytest
from bs4 import BeautifulSoup

from bench.search_relevance import build_pages, evaluate, load_queries
from tests.conftest import add_rubric

pytestmark = pytest.mark.django_db


def _ranked_keys(client, query):
    response = client.get("/search/", {"q": query, "type": "pages"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    links = soup.select("ol.search-results__list:not(.search-results__list--preview) a")
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links]


def test_inflected_queries_find_the_expected_pages_first(client, home_page):
    build_pages(add_rubric(home_page, "Корпус", "relevance"))
    score = evaluate(lambda query: _ranked_keys(client, query), load_queries(test_only=True))
    assert score.recall_at_5 >= 0.95, score.misses
    assert score.mrr_at_10 >= 0.9, score.misses
