"""The relevance set as code: build its pages, run a search function over its queries, score recall@5 and MRR@10.

Shared by bench/search_bench.py (every query, both engines, several backends) and tests/search/test_relevance.py
(the queries marked ``test: true``).
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "search_relevance_texts.yaml"
QUERIES = HERE / "search_relevance.yaml"
RECALL_AT = 5
MRR_AT = 10


def load_texts() -> list[dict]:
    return yaml.safe_load(TEXTS.read_text(encoding="utf-8"))


def load_queries(*, test_only=False) -> list[dict]:
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    return [q for q in queries if q.get("test")] if test_only else queries


def build_pages(parent) -> dict[int, str]:
    """One live information page per text under ``parent`` (slug = key); returns {page id: key}."""
    from cms.pages.models import InformationPage

    keys = {}
    for text in load_texts():
        page = InformationPage(title=text["title"], slug=text["key"], search_description=text["description"])
        page.body = [("paragraph", f"<p>{text['body']}</p>")]
        parent.add_child(instance=page)
        keys[page.pk] = text["key"]
    return keys


@dataclass
class Score:
    recall_at_5: float
    mrr_at_10: float
    misses: list[tuple[str, list[str]]]

    def __str__(self):
        return f"recall@5 {self.recall_at_5:.3f}, MRR@10 {self.mrr_at_10:.3f}"


def evaluate(search, queries) -> Score:
    """``search(query) -> [key, ...]`` in rank order. Recall@5: share of expected keys in the top 5, averaged."""
    recalls, reciprocal_ranks, misses = [], [], []
    for item in queries:
        ranked = search(item["q"])
        expected = set(item["expected"])
        recalls.append(len(expected & set(ranked[:RECALL_AT])) / len(expected))
        rank = next((i for i, key in enumerate(ranked[:MRR_AT], 1) if key in expected), None)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        if rank != 1 or recalls[-1] < 1:
            misses.append((item["q"], ranked[:RECALL_AT]))
    return Score(sum(recalls) / len(recalls), sum(reciprocal_ranks) / len(reciprocal_ranks), misses)
