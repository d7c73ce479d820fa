"""Every page type renders for a citizen: one h1, navigation, breadcrumbs, footer contacts from the site settings."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from cms.pages.models import HomePage, InformationPage

pytestmark = pytest.mark.django_db


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml")


def _assert_site_chrome(soup, site_settings):
    assert len(soup.find_all("h1")) == 1
    assert soup.select_one("a.skip-link")["href"] == "#main"
    assert soup.find("main", id="main") is not None
    assert soup.find("header") is not None and soup.find("footer") is not None
    search = soup.select_one("header form[role=search]")
    assert search["action"] == "/search/" and search["method"] == "get"
    assert soup.find("label", attrs={"for": "site-search-q"}).get_text(strip=True) == "Поиск по сайту"
    footer = soup.find("footer")
    assert site_settings.postal_address in footer.get_text()
    assert footer.find("a", href="tel:+73853221234").get_text() == site_settings.phone
    assert footer.find("a", href=f"mailto:{site_settings.email}") is not None
    assert site_settings.site_name in soup.header.get_text()
    assert site_settings.tagline in soup.header.get_text()


def _nav_titles(soup):
    nav = soup.find("nav", attrs={"aria-label": "Основные разделы"})
    wide, folded = nav.select("ul.main-nav__list--wide a"), nav.select("details.main-nav__fold a")
    # The same menu twice: folded behind a no-JS button on narrow screens, a plain list on wide ones.
    assert [(a["href"], a.get_text()) for a in wide] == [(a["href"], a.get_text()) for a in folded]
    return [a.get_text(strip=True) for a in wide]


def _breadcrumbs(soup):
    nav = soup.find("nav", attrs={"aria-label": "Навигационная цепочка"})
    return [(a.get_text(strip=True), a.get("aria-current")) for a in nav.find_all("a")]


def test_home_page_shows_rubrics_anticorruption_link_and_latest_publications(client, demo_site, site_settings):
    soup = _soup(client.get("/"))
    _assert_site_chrome(soup, site_settings)
    assert soup.h1.get_text(strip=True) == demo_site["home"].title
    # Main navigation: live in-menu children of the home page only.
    assert _nav_titles(soup) == ["Об администрации", "Противодействие коррупции"]
    assert _breadcrumbs(soup) == [(demo_site["home"].title, "page")]
    link = soup.select_one(".anticorruption-link a")
    assert link.get_text(strip=True) == "Противодействие коррупции"
    assert link["href"] == "/protivodeystvie-korruptsii/"
    latest = [a.get_text(strip=True) for a in soup.select("#home-latest-title ~ ul a")]
    assert sorted(latest) == ["Нормативные правовые акты", "Порядок приёма граждан"]


def test_home_page_prefers_the_chosen_anticorruption_page(client, demo_site):
    home = HomePage.objects.get()
    home.anticorruption_page = demo_site["acts"]
    home.save()
    soup = _soup(client.get("/"))
    assert soup.select_one(".anticorruption-link a")["href"] == demo_site["acts"].url


def test_home_page_without_anticorruption_section_has_no_dangling_link(client, home_page):
    soup = _soup(client.get("/"))
    assert soup.select_one(".anticorruption-link") is None
    assert "Пока ничего не опубликовано." in soup.get_text()


def test_latest_publications_are_the_five_newest_live_information_pages(client, demo_site):
    from tests.conftest import add_information_page

    base = timezone.now() - timedelta(days=30)
    for number in range(7):
        page = add_information_page(demo_site["about"], f"Объявление {number}", f"obyavlenie-{number}")
        InformationPage.objects.filter(pk=page.pk).update(first_published_at=base + timedelta(days=number))
    draft = add_information_page(demo_site["about"], "Черновик", "chernovik")
    draft.unpublish()
    soup = _soup(client.get("/"))
    latest = [a.get_text(strip=True) for a in soup.select("#home-latest-title ~ ul a")]
    assert latest == [f"Объявление {n}" for n in (6, 5, 4, 3, 2)]


def test_rubric_page_lists_live_children_in_order_with_descriptions(client, demo_site, site_settings):
    from tests.conftest import add_rubric

    add_rubric(demo_site["about"], "Черновой раздел", "chernovoy").unpublish()
    soup = _soup(client.get("/ob-administratsii/"))
    _assert_site_chrome(soup, site_settings)
    assert soup.h1.get_text(strip=True) == "Об администрации"
    items = soup.select("main ul.listing > li")
    assert [li.a.get_text(strip=True) for li in items] == ["Структура"]
    assert items[0].a["href"] == "/ob-administratsii/struktura/"
    assert _breadcrumbs(soup) == [(demo_site["home"].title, None), ("Об администрации", "page")]
    # The current section is marked in the main navigation.
    current = soup.find("nav", attrs={"aria-label": "Основные разделы"}).find("a", attrs={"aria-current": "page"})
    assert current.get_text(strip=True) == "Об администрации"


def test_nested_rubric_shows_intro_and_full_breadcrumbs(client, demo_site):
    soup = _soup(client.get("/ob-administratsii/struktura/"))
    assert "Подразделения администрации." in soup.select_one(".intro").get_text()
    assert [title for title, _ in _breadcrumbs(soup)] == [demo_site["home"].title, "Об администрации", "Структура"]
    listing = soup.select_one("main ul.listing li")
    assert listing.a.get_text(strip=True) == "Порядок приёма граждан"
    assert listing.p.get_text(strip=True) == "Время и место приёма граждан."
    nav = soup.find("nav", attrs={"aria-label": "Основные разделы"})
    assert "is-active" in nav.find("a", string="Об администрации")["class"]


def test_information_page_renders_its_blocks(client, demo_site, site_settings):
    soup = _soup(client.get("/ob-administratsii/struktura/poryadok-priyoma/"))
    _assert_site_chrome(soup, site_settings)
    assert soup.h1.get_text(strip=True) == "Порядок приёма граждан"
    assert [h.get_text(strip=True) for h in soup.select("main h2")][:2] == ["Время приёма", "Место приёма"]
    assert "Приём ведётся по вторникам" in soup.main.get_text()
    assert _breadcrumbs(soup)[-1] == ("Порядок приёма граждан", "page")


def test_page_title_and_meta_description(client, demo_site, site_settings):
    soup = _soup(client.get("/ob-administratsii/"))
    assert soup.title.get_text() == f"Об администрации — {site_settings.site_name}"
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Структура и полномочия."


def test_rubric_listing_runs_the_same_queries_at_10_and_200_children(
    client, home_page, django_assert_max_num_queries, django_assert_num_queries
):
    from tests.conftest import add_information_page, add_rubric

    rubric = add_rubric(home_page, "Документы", "dokumenty")

    def add_children(up_to):
        for number in range(InformationPage.objects.child_of(rubric).count(), up_to):
            add_information_page(rubric, f"Документ {number}", f"dokument-{number}", description=f"Описание {number}")

    add_children(10)
    client.get("/dokumenty/")  # warm the per-process caches (content types, site root paths)
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE) as at_10:
        response = client.get("/dokumenty/")
    assert len(re.findall(r"Описание \d+", response.content.decode())) == 10

    add_children(200)
    with django_assert_num_queries(len(at_10)):
        response = client.get("/dokumenty/")
    assert len(re.findall(r"Описание \d+", response.content.decode())) == 200


# Routing, the site, view restrictions, site settings, navigation, breadcrumbs, the listing, with room for the
# ownership block and the home page's latest news (cms.news); what matters is that the number does not grow with
# the children.
MAX_QUERIES_PER_PAGE = 17


def test_restricted_sections_stay_out_of_the_navigation_and_listings(client, demo_site):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=demo_site["anticorruption"], restriction_type=PageViewRestriction.LOGIN)
    soup = _soup(client.get("/"))
    assert _nav_titles(soup) == ["Об администрации"]
    assert [a.get_text(strip=True) for a in soup.select(".card a")] == ["Об администрации"]
    latest = [a.get_text(strip=True) for a in soup.select("#home-latest-title ~ ul a")]
    assert latest == ["Порядок приёма граждан"]


def test_home_page_runs_the_same_queries_with_3_and_30_sections(
    client, home_page, django_assert_max_num_queries, django_assert_num_queries
):
    from tests.conftest import add_information_page, add_rubric

    def add_sections(up_to):
        for number in range(home_page.get_children().count(), up_to):
            rubric = add_rubric(home_page, f"Раздел {number}", f"razdel-{number}", description=f"О разделе {number}")
            add_information_page(rubric, f"Новость {number}", f"novost-{number}")

    add_sections(3)
    client.get("/")  # warm the per-process caches
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE) as at_3:
        response = client.get("/")
    assert response.content.decode().count("О разделе") == 3

    add_sections(30)
    with django_assert_num_queries(len(at_3)):
        response = client.get("/")
    assert response.content.decode().count("О разделе") == 30


def test_logo_from_site_settings_is_shown_beside_the_site_name(client, home_page, site_settings):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    site_settings.logo = Image.objects.create(title="Герб", file=get_test_image_file())
    site_settings.save()
    soup = _soup(client.get("/"))
    brand = soup.select_one("a.site-brand")
    # The logo sits inside the link named by the site name, so it is decorative there.
    assert brand.img["alt"] == ""
    assert brand.get_text(strip=True).startswith(site_settings.site_name)


def test_editors_preview_renders_existing_and_new_pages(demo_site, site_settings):
    # What the admin's preview panel does: render an unsaved page placed under its future parent.
    parent = demo_site["about"]
    new_page = InformationPage(title="Новая страница", slug="novaya", body=[("paragraph", "<p>Черновой текст</p>")])
    new_page.depth = parent.depth + 1
    new_page.path = parent.get_last_child()._inc_path()
    new_page.set_url_path(parent)
    home = demo_site["home"].title
    expected = [
        (demo_site["reception"], [home, "Об администрации", "Структура", "Порядок приёма граждан"]),
        (new_page, [home, "Об администрации", "Новая страница"]),
    ]
    for page, trail in expected:
        soup = _soup(page.make_preview_request())
        assert len(soup.find_all("h1")) == 1
        assert [title for title, _current in _breadcrumbs(soup)] == trail
