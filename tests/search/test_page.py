"""/search/ over pages, documents and registered sources: groups, excerpts, filters, help on zero results."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from cms.snippets.models import ResponsibleUnit
from search.sources import SearchSource
from tests.conftest import add_information_page, add_rubric

pytestmark = pytest.mark.django_db
Document = get_document_model()


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml")


def _groups(soup):
    return {
        section.h2["id"].removeprefix("search-group-"): [a.get_text(" ", strip=True) for a in section.select("ol a")]
        for section in soup.select("section.search-group")
    }


def _document(title, text=None, *, collection=None, name="file.pdf"):
    content = (text or "%PDF-1.4").encode("utf-8")
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(name if text is None else "file.txt", ContentFile(content), save=False)
    document.save()
    return document


def test_pages_and_documents_are_grouped_with_the_words_marked(client, demo_site):
    _document("Отчёт о приёме граждан", "В первом квартале принято 120 граждан по личным вопросам.")
    soup = _soup(client.get("/search/", {"q": "приём граждан"}))
    groups = _groups(soup)
    assert groups["pages"] == ["Порядок приёма граждан"]
    assert groups["documents"] == ["Отчёт о приёме граждан"]
    assert "Найдена 1 страница. Найден 1 документ." in soup.select_one(".search-results").get_text(" ", strip=True)
    marks = [m.get_text() for m in soup.select("section.search-group mark")]
    assert {"приёма", "граждан", "приёме"} <= set(marks)


def test_text_documents_are_found_by_the_words_inside(client, demo_site):
    document = _document("Протокол № 5", "Обсуждали благоустройство дворов на улице Строителей.")
    soup = _soup(client.get("/search/", {"q": "благоустройству двора"}))
    assert _groups(soup) == {"documents": ["Протокол № 5"]}
    excerpt = soup.select_one("section.search-group .search-excerpt")
    assert [m.get_text() for m in excerpt.select("mark")] == ["благоустройство", "дворов"]
    assert soup.select_one("section.search-group ol a")["href"] == document.url


def test_documents_in_private_collections_are_never_found(client, demo_site):
    private = Collection.get_first_root_node().add_child(name="Служебные")
    inner = private.add_child(name="Черновики")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    _document("Секретный план", "секретный текст", collection=inner)
    _document("Открытый план", "открытый текст")
    soup = _soup(client.get("/search/", {"q": "план"}))
    assert _groups(soup) == {"documents": ["Открытый план"]}


def test_a_source_registered_by_an_area_is_searched_in_its_own_group(client, demo_site):
    ResponsibleUnit.objects.create(name="Отдел приёма граждан", slug="priem", head="Начальник отдела")

    def units_source():
        return SearchSource(
            key="units",
            label="Подразделения",
            queryset=lambda request: ResponsibleUnit.objects.all(),
            url=lambda unit, request: f"/units/#{unit.slug}",
            order=20,
        )

    with hooks.register_temporarily("register_search_sources", units_source):
        soup = _soup(client.get("/search/", {"q": "приёмы гражданина"}))
        assert list(_groups(soup)) == ["pages", "units"]
        assert _groups(soup)["units"] == ["Отдел приёма граждан"]
        assert (
            soup.select_one("#search-group-units").find_parent("section").select_one("ol a")["href"] == "/units/#priem"
        )
        only_units = _soup(client.get("/search/", {"q": "приём", "type": "units"}))
        assert only_units.select_one("select#search-type option[selected]")["value"] == "units"


def test_the_active_group_is_paginated_and_the_others_preview_three(client, home_page):
    for number in range(12):
        add_information_page(home_page, f"Объявление {number:02d}", f"obyavlenie-{number}")
    for number in range(5):
        _document(f"Объявление-документ {number}", f"Текст объявления {number}.")
    soup = _soup(client.get("/search/", {"q": "объявление"}))
    assert len(_groups(soup)["pages"]) == 10
    assert len(_groups(soup)["documents"]) == 3
    all_documents = soup.find("a", string=lambda s: s and "Все результаты в разделе «Документы» (5)" in s)
    documents = _soup(client.get("/search/" + all_documents["href"]))
    assert len(_groups(documents)["documents"]) == 5
    assert len(_groups(documents)["pages"]) == 3


def test_a_page_number_past_the_end_shows_the_last_page(client, home_page):
    for number in range(12):
        add_information_page(home_page, f"Объявление {number:02d}", f"obyavlenie-{number}")
    soup = _soup(client.get("/search/", {"q": "объявление", "page": "999"}))
    assert len(_groups(soup)["pages"]) == 2
    assert "Страница 2 из 2" in soup.select_one("nav.pagination").get_text()


def test_section_filter_keeps_the_section_and_its_documents(client, demo_site):
    news = add_rubric(demo_site["home"], "Новости", "novosti")
    add_information_page(news, "График приёма в праздники", "grafik")
    used = _document("Бланк заявления на приём", "Заявление на приём.")
    other = _document("Памятка о приёме", "Памятка.")
    demo_site["reception"].body = [("paragraph", f'<p><a linktype="document" id="{used.pk}">бланк</a></p>')]
    demo_site["reception"].save_revision().publish()
    soup = _soup(client.get("/search/", {"q": "приём", "section": demo_site["about"].pk}))
    assert _groups(soup) == {"pages": ["Порядок приёма граждан"], "documents": ["Бланк заявления на приём"]}
    assert other.title not in soup.get_text()


def test_date_filter_narrows_by_publication(client, home_page):
    old = add_information_page(home_page, "Старый отчёт", "staryy")
    Page.objects.filter(pk=old.pk).update(last_published_at=timezone.now() - timedelta(days=400))
    new = add_information_page(home_page, "Новый отчёт", "novyy")
    Page.objects.filter(pk=new.pk).update(last_published_at=timezone.now() - timedelta(days=2))
    since = (timezone.localdate() - timedelta(days=30)).isoformat()
    soup = _soup(client.get("/search/", {"q": "отчёт", "date_from": since}))
    assert _groups(soup) == {"pages": ["Новый отчёт"]}
    until = (timezone.localdate() - timedelta(days=300)).isoformat()
    assert _groups(_soup(client.get("/search/", {"q": "отчёт", "date_to": until}))) == {"pages": ["Старый отчёт"]}


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"section": "abc"},
        {"section": "999999"},
        {"date_from": "31.02.2024"},
        {"date_to": "\x00"},
        {"colour": "red"},
        {"type": ["pages", "documents"]},
    ],
)
def test_unknown_or_invalid_filters_are_ignored(client, demo_site, params):
    soup = _soup(client.get("/search/", {"q": "приём", **params}))
    assert _groups(soup)["pages"] == ["Порядок приёма граждан"]


@pytest.mark.parametrize(
    "query",
    ["а" * 201, "приём " * 60, "!!! ??? ...", "'; DROP TABLE wagtailcore_page; --", "1 OR 1=1", "<b>приём</b>", "\x00"],
)
def test_bad_queries_answer_a_normal_page(client, demo_site, query):
    soup = _soup(client.get("/search/", {"q": query}))
    assert len(soup.find_all("h1")) == 1
    assert Page.objects.filter(pk=demo_site["reception"].pk).exists()


def test_punctuation_only_asks_for_words(client, demo_site):
    soup = _soup(client.get("/search/", {"q": "?!…"}))
    assert "В запросе нет слов для поиска" in soup.select_one(".search-results").get_text()


def test_zero_results_suggest_a_spelling_from_the_site_and_sections(client, demo_site):
    soup = _soup(client.get("/search/", {"q": "парядок граждон"}))
    suggestion = soup.select_one(".search-suggestion a")
    assert suggestion.get_text() == "порядок граждан"
    assert suggestion["href"] == "?" + urlencode({"q": "порядок граждан"})
    assert "Возможно, вы имели в виду" in soup.select_one(".search-suggestion").get_text()
    sections = [a.get_text() for a in soup.select(".search-sections a")]
    assert sections == ["Об администрации", "Противодействие коррупции"]


def test_zero_results_never_suggest_words_from_drafts(client, demo_site):
    draft = add_information_page(demo_site["about"], "Реорганизация", "reorganizatsiya")
    draft.unpublish()
    soup = _soup(client.get("/search/", {"q": "реорганизацыя"}))
    assert soup.select_one(".search-suggestion") is None


def test_search_box_is_in_every_header_and_works_without_javascript(client, demo_site):
    soup = _soup(client.get(demo_site["reception"].url))
    form = soup.select_one("header form.site-search")
    assert form["action"] == reverse("search:search") and form["method"] == "get"
    assert not soup.select("script:not([type='application/ld+json'])[src*=search]")
