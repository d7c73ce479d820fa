"""News: the index, the news page, the home page's latest news, the readers' feeds and the demo news."""

import feedparser
import pytest
from django.core.exceptions import ValidationError

from cms.news import demo
from cms.news.models import NewsIndexPage, NewsPage
from cms.pages.models import RubricPage
from tests.api.conftest import make_news

pytestmark = pytest.mark.django_db


def test_news_page_shows_everything_an_editor_set(client, news_index, image, home_page):
    rubric = RubricPage(title="Благоустройство", slug="blagoustroystvo")
    home_page.add_child(instance=rubric)
    page = make_news(
        news_index,
        "Открыта площадка",
        lead="Площадка на улице Лесной.",
        body="<p>Построена по итогам голосования.</p>",
        main_image=image,
        main_image_alt="Детская площадка с горкой",
        rubric=rubric,
        is_press_release=True,
    )
    page.tags.add("дети")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Открыта площадка" in html and "Площадка на улице Лесной." in html
    assert "Построена по итогам голосования." in html
    assert 'alt="Детская площадка с горкой"' in html
    assert "Пресс-релиз" in html
    assert 'href="/blagoustroystvo/"' in html
    assert "дети" in html
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert 'style="' not in html


def test_a_main_image_needs_its_alt_text(news_index, image):
    page = NewsPage(title="Без описания", slug="bez", lead="Лид", body="<p>Т</p>", main_image=image)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "main_image_alt" in error.value.message_dict


def test_index_lists_live_news_newest_first_with_pages(client, news_index):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for n in range(22):
        make_news(news_index, f"Новость номер {n}", date=now - timedelta(days=n))
    make_news(news_index, "Черновик новости", publish=False)
    first = client.get(news_index.url).content.decode()
    assert first.index("Новость номер 0<") < first.index("Новость номер 1<")
    assert "Новость номер 21<" not in first and "Черновик новости" not in first
    assert "Страница 1 из 2" in first
    second = client.get(news_index.url, {"page": "2"}).content.decode()
    assert "Новость номер 21<" in second
    assert client.get(news_index.url, {"page": "abc"}).status_code == 200


def test_home_page_shows_the_latest_news(client, news_index):
    for n in range(7):
        make_news(news_index, f"Свежая {n}")
    html = client.get("/").content.decode()
    assert html.count("news-list__item") == 5
    assert 'href="/novosti/"' in html  # «Все новости»
    assert 'type="application/atom+xml"' in html


@pytest.mark.parametrize(("path", "version"), [("/news/feed/rss/", "rss20"), ("/news/feed/atom/", "atom10")])
def test_the_site_news_as_rss_and_atom(client, news_index, path, version):
    make_news(news_index, "Для всех", newspaper=False)
    make_news(news_index, "Черновик", publish=False)
    parsed = feedparser.parse(client.get(path).content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == version
    assert [entry.title for entry in parsed.entries] == ["Для всех"]


def test_demo_news_are_at_least_thirty_and_idempotent(news_index):
    done = demo.fill({"novosti": news_index})
    assert NewsPage.objects.live().count() >= 30
    assert len([line for line in done if line.startswith("demo news")]) >= 30
    assert NewsPage.objects.filter(for_newspaper=True).exists()
    assert NewsPage.objects.filter(is_press_release=True).exists()
    assert all(p.main_image_alt for p in NewsPage.objects.exclude(main_image=None))
    assert demo.fill({"novosti": news_index}) == []


def test_demo_without_a_news_index_does_nothing(db):
    assert NewsIndexPage.objects.count() == 0
    assert demo.fill({}) == []
