"""Every list endpoint runs the same number of queries at 10 and at 1,000 items."""

import pytest
from django.contrib.auth.models import Group  # noqa: F401 - keeps auth tables warm for the first request
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.api.models import FeedEntry
from cms.news.models import NewsPage
from cms.snippets.models import ResponsibleUnit

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    ("/api/v2/pages/", {"type": "news.NewsPage", "fields": "lead,date,body,owner_unit,tags,main_image", "limit": 100}),
    ("/api/v2/pages/", {"limit": 100}),
    ("/api/v2/documents/", {"limit": 100}),
    ("/api/v2/images/", {"limit": 100}),
    ("/api/v2/units/", {"limit": 100}),
    ("/api/v2/feed/", {"limit": 100}),
]


def fill(news_index, count):
    unit = ResponsibleUnit.objects.create(name="Пресс-служба", slug="press")
    for n in range(count):
        news_index.add_child(
            instance=NewsPage(title=f"Новость {n}", slug=f"q-{n}", lead="Лид", body="<p>Т</p>", owner_unit=unit)
        )
    ResponsibleUnit.objects.bulk_create(ResponsibleUnit(name=f"Отдел {n}", slug=f"otdel-{n}") for n in range(count))
    Document = get_document_model()
    Document.objects.bulk_create(
        Document(title=f"Документ {n}", file=f"documents/d{n}.pdf", file_size=1000 + n) for n in range(count)
    )
    Image = get_image_model()
    Image.objects.bulk_create(
        Image(title=f"Снимок {n}", file=f"original_images/i{n}.png", width=10, height=10) for n in range(count)
    )
    now = timezone.now()
    FeedEntry.objects.bulk_create(
        FeedEntry(page_id=10**6 + n, sequence=n + 1, state="live", changed_at=now, payload={"title": f"Т {n}"})
        for n in range(count)
    )


def counts(client, django_assert_max_num_queries, limit):
    for path, params in ENDPOINTS:
        with django_assert_max_num_queries(limit, info=f"{path} {params}"):
            response = client.get(path, params)
        assert response.status_code == 200, (path, response.content[:200])


@pytest.mark.parametrize("count", [10, 1000])
def test_list_endpoints_cost_the_same_at_10_and_1000_items(client, news_index, count, django_assert_max_num_queries):
    fill(news_index, count)
    client.get("/api/v2/pages/")  # content types and the site are cached from here on, as in a running server
    # The largest listing (news with owner, tags and image) needs: site, count, pages, tags, content types.
    counts(client, django_assert_max_num_queries, 10)
