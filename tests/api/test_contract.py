"""The contract: OpenAPI schema (snapshot) and its docs page, CORS for configured origins, throttling, feeds."""

import json
import os
from pathlib import Path

import feedparser
import pytest
from django.core.cache import cache

from tests.api.conftest import make_news

pytestmark = pytest.mark.django_db


def snapshot_path() -> Path:
    """One snapshot per engine: Django gives integer fields the engine's range (PostgreSQL's smallint stops at
    32,767; SQLite's integers are 64-bit), and the schema states those bounds."""
    from django.db import connection

    suffix = "" if connection.vendor == "sqlite" else f".{connection.vendor}"
    return Path(__file__).with_name(f"openapi_snapshot{suffix}.json")


def test_schema_matches_the_snapshot(client):
    """A change to the API's contract must be deliberate: UPDATE_API_SNAPSHOT=1 rewrites the snapshots."""
    snapshot = snapshot_path()
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    for endpoint in ("/api/v2/feed/", "/api/v2/units/", "/api/v2/units/{id}/", "/api/v2/pages/"):
        assert endpoint in schema["paths"]
    text = json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True)
    if os.environ.get("UPDATE_API_SNAPSHOT") == "1":
        snapshot.write_text(text + "\n", encoding="utf-8")
    assert snapshot.exists(), f"no {snapshot.name}: write it with UPDATE_API_SNAPSHOT=1 and review it"
    assert text + "\n" == snapshot.read_text(encoding="utf-8")


def test_docs_page_lists_the_endpoints(client, home_page):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/v2/feed/" in html and "/api/v2/units/" in html
    assert 'href="/api/schema/"' in html
    assert "<script" not in html and 'style="' not in html


def test_cors_only_for_configured_origins(client, settings, home_page):
    settings.CORS_ALLOWED_ORIGINS = ["https://vestnik.example"]
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN="https://vestnik.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://vestnik.example"
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
    site = client.get("/", HTTP_ORIGIN="https://vestnik.example")
    assert "Access-Control-Allow-Origin" not in site  # only the API is shared


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/feed/", "/api/v2/units/"])
def test_anonymous_clients_are_throttled_with_retry_after(client, settings, home_page, path):
    settings.API_ANON_THROTTLE_RATE = "3/min"
    cache.clear()
    for _ in range(3):
        assert client.get(path).status_code == 200
    refused = client.get(path)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    cache.clear()


@pytest.mark.parametrize(("path", "version"), [("/api/v2/feed/atom/", "atom10"), ("/api/v2/feed/rss/", "rss20")])
def test_newspaper_materials_as_atom_and_rss(client, news_index, path, version):
    make_news(news_index, "Для газеты", lead="Лид")
    make_news(news_index, "Не для газеты", newspaper=False)
    parsed = feedparser.parse(client.get(path).content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == version
    assert [entry.title for entry in parsed.entries] == ["Для газеты"]
    assert parsed.entries[0].link.startswith("http://localhost/novosti/")
