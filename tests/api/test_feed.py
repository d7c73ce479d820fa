"""The newspaper feed: items, tombstones, cursor pagination, updated_since, and a sync that misses nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.api.models import FeedEntry
from cms.news.models import NewsPage
from cms.pages.models import RubricPage
from cms.snippets.models import ResponsibleUnit
from tests.api.conftest import make_document, make_news

pytestmark = pytest.mark.django_db


def feed(client, **params):
    response = client.get("/api/v2/feed/", params)
    assert response.status_code == 200, response.content
    return response.json()


def by_id(items):
    return {item["id"]: item for item in items}


def test_item_carries_what_the_newspaper_prints(client, news_index, image):
    unit = ResponsibleUnit.objects.create(name="Пресс-служба", slug="press", email="press@example.org")
    document = make_document()
    body = (
        f'<p>Текст. <a linktype="document" id="{document.pk}">Решение</a> и '
        f'<a linktype="page" id="{news_index.pk}">все новости</a>.</p>'
    )
    page = make_news(
        news_index,
        "Ярмарка",
        body=body,
        main_image=image,
        main_image_alt="Палатки на площади",
        owner_unit=unit,
        is_press_release=True,
    )
    page.tags.add("торговля")
    page.save_revision().publish()
    item = by_id(feed(client)["items"])[page.pk]
    assert item["state"] == "live"
    assert item["version"] == 2  # created, then tagged and republished
    assert item["title"] == "Ярмарка"
    assert item["url"] == f"http://localhost/novosti/{page.slug}/"
    assert 'href="http://localhost/novosti/"' in item["body_html"]
    assert "(PDF, 2 КБ)" in item["body_html"]  # the document link states format and size
    assert 'href="http://localhost/documents/' in item["body_html"]
    [picture] = item["images"]
    assert picture["alt"] == "Палатки на площади"
    assert picture["renditions"]["large"]["url"].startswith("http://localhost/media/images/")
    assert picture["renditions"]["thumbnail"]["width"] == 320
    assert item["unit"]["name"] == "Пресс-служба"
    assert item["tags"] == ["торговля"]
    assert item["press_release"] is True


def test_only_marked_materials_enter_the_feed(client, news_index):
    marked = make_news(news_index, "Для газеты")
    make_news(news_index, "Только для сайта", newspaper=False)
    assert [item["id"] for item in feed(client)["items"]] == [marked.pk]


@pytest.mark.parametrize("how", ["unpublished", "deleted", "unflagged", "restricted", "moved"])
def test_withdrawn_material_comes_back_as_a_tombstone(client, news_index, home_page, how):
    page = make_news(news_index, "Снимаемая новость")
    cursor = feed(client)["next_cursor"]
    if how == "unpublished":
        page.unpublish()
    elif how == "deleted":
        page.delete()
    elif how == "unflagged":
        page.for_newspaper = False
        page.save_revision().publish()
    elif how == "restricted":
        PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    elif how == "moved":
        archive = RubricPage(title="Архив", slug="arkhiv")
        home_page.add_child(instance=archive)
        PageViewRestriction.objects.create(page=archive, restriction_type="login")
        other_index = news_index.copy(to=archive, update_attrs={"slug": "staroe"}, copy_revisions=False)
        page.move(other_index, pos="last-child")
    [tombstone] = feed(client, cursor=cursor)["items"]
    assert tombstone["id"] == page.pk
    assert tombstone["state"] == "withdrawn"
    assert tombstone["reason"] == how
    assert tombstone["withdrawn_at"]
    assert "title" not in tombstone and "body_html" not in tombstone  # nothing of a withdrawn text remains


def test_republished_material_returns_with_a_new_version(client, news_index):
    page = make_news(news_index)
    page.unpublish()
    page.save_revision().publish()
    [item] = feed(client)["items"]
    assert item["state"] == "live" and item["version"] == 3


def test_a_draft_edit_does_not_reach_the_feed(client, news_index):
    page = make_news(news_index, "Опубликованный заголовок")
    page.title = "Черновой заголовок"
    page.save_revision()
    [item] = feed(client)["items"]
    assert item["title"] == "Опубликованный заголовок"


def test_cursor_pages_in_a_stable_order(client, news_index):
    pages = [make_news(news_index, f"Новость {n}") for n in range(7)]
    seen, cursor = [], None
    while True:
        data = feed(client, limit=3, **({"cursor": cursor} if cursor else {}))
        seen += [item["id"] for item in data["items"]]
        cursor = data["next_cursor"]
        if not data["has_more"]:
            break
    assert seen == [page.pk for page in pages]
    assert feed(client, cursor=cursor)["items"] == []  # nothing new since: an empty page, same cursor
    assert feed(client, cursor=cursor)["next_cursor"] == cursor


def test_updated_since(client, news_index):
    old = make_news(news_index, "Старая")
    FeedEntry.objects.filter(page_id=old.pk).update(changed_at=timezone.now() - timedelta(days=3))
    new = make_news(news_index, "Свежая")
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert [item["id"] for item in feed(client, updated_since=since)["items"]] == [new.pk]
    assert len(feed(client, updated_since="2000-01-01")["items"]) == 2


def test_sync_interleaved_with_edits_misses_nothing_and_duplicates_nothing(client, news_index):
    """A newspaper client pulls two items per request while editors publish, edit, unpublish and republish.

    After each request one editor action happens. When the client finally catches up, its copy must equal the
    feed's current state for every material, and it must never have received the same (id, version) twice.
    """
    pages = [make_news(news_index, f"Исходная {n}") for n in range(6)]
    received = []  # (id, version) in the order the client got them
    store = {}  # the newspaper's copy: id -> item
    edits = iter(
        [
            lambda: make_news(news_index, "Новая во время синхронизации"),
            lambda: _edit(pages[0], "Исправлен заголовок"),  # already synced: must come again, newer
            lambda: pages[4].unpublish(),  # not yet synced: must come as a tombstone only
            lambda: _edit(pages[5], "Правка несинхронизированной"),
            lambda: pages[4].save_revision().publish(),  # republished
            lambda: _unflag(pages[1]),
            lambda: pages[2].delete(),
            lambda: make_news(news_index, "Ещё одна новая"),
            lambda: _edit(pages[3], "Вторая правка"),
        ]
    )
    cursor = None
    for _ in range(100):
        data = feed(client, limit=2, **({"cursor": cursor} if cursor else {}))
        for item in data["items"]:
            key = (item["id"], item["version"])
            assert key not in received, f"duplicate {key}"
            received.append(key)
            store[item["id"]] = item
        cursor = data["next_cursor"]
        edit = next(edits, None)
        if edit is not None:
            edit()
        elif not data["has_more"]:
            break
    current = {entry.page_id: entry for entry in FeedEntry.objects.all()}
    assert set(store) == set(current)
    for page_id, entry in current.items():
        assert store[page_id]["version"] == entry.version
        assert store[page_id]["state"] == entry.state
    live = {item["id"]: item["title"] for item in store.values() if item["state"] == "live"}
    assert live == dict(NewsPage.objects.live().filter(for_newspaper=True).values_list("pk", "title"))
    assert store[pages[0].pk]["title"] == "Исправлен заголовок"
    assert store[pages[4].pk]["state"] == "live"  # unpublished and republished while unsynced: its latest state
    assert {store[pages[1].pk]["reason"], store[pages[2].pk]["reason"]} == {"unflagged", "deleted"}


def _edit(page, title):
    page.refresh_from_db()
    page.title = title if "Вторая" not in title else f"{page.title} — {title}"
    page.save_revision().publish()


def _unflag(page):
    page.refresh_from_db()
    page.for_newspaper = False
    page.save_revision().publish()


def test_feed_answers_304_to_a_client_that_has_the_page(client, news_index):
    make_news(news_index)
    first = client.get("/api/v2/feed/")
    assert first["ETag"] and "max-age" in first["Cache-Control"]
    assert first["Last-Modified"]
    again = client.get("/api/v2/feed/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    make_news(news_index, "Следующая")
    assert client.get("/api/v2/feed/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
