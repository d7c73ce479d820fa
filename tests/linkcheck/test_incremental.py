"""Incremental runs: unchanged pages are re-checked from what answered each internal link last time.

Each internal link's state is stored with its basis (a live page, a document, a redirect, another view, a file,
nothing). An incremental run re-checks those without rendering the page and, for an unchanged site, without
loading the URL configuration at all; when the basis no longer holds, the link is resolved again in full.
"""

import pytest
from wagtail.contrib.redirects.models import Redirect

from cms.linkcheck.models import LinkFinding, PageCheckState
from cms.linkcheck.runner import run_check


def broken_on(page):
    return set(LinkFinding.objects.open().filter(page=page, rule="broken-link").values_list("url", flat=True))


def incremental():
    return run_check(incremental=True, external=False)


def page_with_every_kind_of_link(make_page, document):
    make_page("<p>Цель</p>", slug="target")
    return make_page(
        f'<p><a href="/target/">Страница</a> <a href="{document.url}">Документ (PDF, 1 КБ)</a>'
        ' <a href="/search/">Поиск</a> <a href="/nowhere/">Нигде</a> <a href="/target">Без слэша</a></p>'
    )


def test_states_record_what_answered_each_link(make_page, document, linkcheck_settings):
    page = page_with_every_kind_of_link(make_page, document)
    run_check(external=False)
    links = {path: (ok, basis) for path, ok, basis in PageCheckState.objects.get(page=page).internal_links}
    assert links["/target/"] == (True, "page")
    assert links[document.url] == (True, f"doc:{document.id}/polozhenie.pdf")
    assert links["/search/"] == (True, "view")
    assert links["/nowhere/"] == (False, "none")


def test_an_unchanged_site_is_rechecked_without_the_url_configuration(make_page, document, linkcheck_settings):
    page = page_with_every_kind_of_link(make_page, document)
    run_check(external=False)
    # Any URL resolving from here on would import this module, which refuses to load.
    linkcheck_settings.ROOT_URLCONF = "tests.linkcheck.unavailable_urls"
    summary = incremental()
    assert summary.pages == 0
    assert broken_on(page) == {"/nowhere/"}


def test_a_page_published_where_a_link_pointed_to_nothing_resolves_the_finding(make_page, linkcheck_settings):
    page = make_page('<p><a href="/later/">Скоро</a></p>')
    run_check(external=False)
    assert broken_on(page) == {"/later/"}
    make_page("<p>Опубликовано</p>", slug="later")
    incremental()
    assert broken_on(page) == set()


def test_a_redirect_added_for_a_missing_path_resolves_the_finding(make_page, home_page, linkcheck_settings):
    page = make_page('<p><a href="/old-address/">Старый адрес</a></p>')
    run_check(external=False)
    assert broken_on(page) == {"/old-address/"}
    Redirect.objects.create(old_path="/old-address", redirect_page=home_page)
    incremental()
    assert broken_on(page) == set()


def test_a_deleted_redirect_makes_the_link_broken(make_page, home_page, linkcheck_settings):
    redirect = Redirect.objects.create(old_path="/old-address", redirect_page=home_page)
    page = make_page('<p><a href="/old-address/">Старый адрес</a></p>')
    run_check(external=False)
    assert broken_on(page) == set()
    redirect.delete()
    incremental()
    assert broken_on(page) == {"/old-address/"}


def test_a_deleted_document_makes_its_links_broken(make_page, document, linkcheck_settings):
    url = document.url
    page = make_page(f'<p><a href="{url}">Положение (PDF, 1 КБ)</a></p>')
    run_check(external=False)
    assert broken_on(page) == set()
    document.delete()
    incremental()
    assert broken_on(page) == {url}


def test_a_moved_page_breaks_links_to_its_old_address(make_page, linkcheck_settings):
    target = make_page("<p>Цель</p>", slug="target")
    section = make_page("<p>Раздел</p>", slug="section")
    page = make_page('<p><a href="/target/">Цель</a></p>')
    run_check(external=False)
    target.move(section, pos="last-child")  # Wagtail adds a redirect from the old address: still fine
    incremental()
    assert broken_on(page) == set()
    Redirect.objects.all().delete()
    incremental()
    assert broken_on(page) == {"/target/"}


def test_states_stored_before_bases_were_recorded_are_resolved_in_full(make_page, linkcheck_settings):
    make_page("<p>Цель</p>", slug="target")
    page = make_page('<p><a href="/target/">Цель</a> <a href="/nowhere/">Нигде</a></p>')
    run_check(external=False)
    PageCheckState.objects.filter(page=page).update(internal_links=[["/target/", True], ["/nowhere/", True]])
    summary = incremental()
    assert summary.pages == 1  # /nowhere/ resolves differently from what the old state said: re-rendered
    assert broken_on(page) == {"/nowhere/"}


@pytest.mark.parametrize(
    ("model", "routes_itself"),
    [("pages.InformationPage", False), ("pages.RubricPage", False), ("faq.FaqIndexPage", True)],
)
def test_only_page_types_with_their_own_routing_count_as_routing_paths_below_them(db, model, routes_itself):
    # A page type routed as Wagtail routes is answered from the page tree; a routable one needs the URL resolver.
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    from cms.linkcheck.internal import _routes_itself

    content_type = ContentType.objects.get_for_model(apps.get_model(model))
    assert _routes_itself(content_type.pk) is routes_itself
