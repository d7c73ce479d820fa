"""Internal links, documents, files, fragments and mailto:/tel: — resolved without any HTTP request."""

from django.core.files.base import ContentFile

from cms.linkcheck.models import LinkFinding
from cms.linkcheck.runner import run_check


def broken_on(page):
    return set(LinkFinding.objects.open().filter(page=page, rule="broken-link").values_list("url", flat=True))


def test_links_to_pages(make_page, linkcheck_settings):
    target = make_page("<p>Цель</p>", title="Цель", slug="target")
    draft = make_page("<p>Черновик</p>", title="Черновик", slug="draft")
    draft.unpublish()
    page = make_page(
        '<p><a href="/target/">Цель</a> <a href="/target">Без слэша</a> <a href="http://localhost/target/">Абсолютная</a>'
        ' <a href="/draft/">Черновик</a> <a href="/nowhere/">Нет</a> <a href="../target/">Относительная</a>'
        ' <a href="/">Главная</a></p>'
    )
    assert target.live
    run_check(page_ids=[page.id], external=False)
    assert broken_on(page) == {"/draft/", "/nowhere/"}


def test_links_to_documents(make_page, document, linkcheck_settings):
    good = document.url
    page = make_page(
        f'<p><a href="{good}">Положение (PDF, 1 КБ)</a> <a href="/documents/{document.id}/other.pdf">Не тот файл</a>'
        f' <a href="/documents/99999/x.pdf">Нет документа</a></p>'
    )
    run_check(page_ids=[page.id], external=False)
    assert broken_on(page) == {f"/documents/{document.id}/other.pdf", "/documents/99999/x.pdf"}


def test_media_files_and_images(make_page, linkcheck_settings, settings):
    from django.core.files.storage import default_storage

    name = default_storage.save("images/gerb.png", ContentFile(b"png"))
    page = make_page(
        f'<p><img src="{settings.MEDIA_URL}{name}" alt="Герб">'
        f' <img src="{settings.MEDIA_URL}images/none.png" alt="Нет"></p>'
    )
    run_check(page_ids=[page.id], external=False)
    assert broken_on(page) == {f"{settings.MEDIA_URL}images/none.png"}


def test_fragments_must_exist_on_the_target_page(make_page, linkcheck_settings):
    make_page('<p><a id="part-2">Раздел 2</a></p>', title="Цель", slug="target")
    page = make_page(
        '<p id="here">Текст</p><p><a href="#here">Сюда на странице</a> <a href="#missing">Нет якоря</a>'
        ' <a href="/target/#part-2">Раздел 2</a> <a href="/target/#part-9">Раздел 9</a> <a href="#main">Начало</a></p>'
    )
    run_check(page_ids=[page.id], external=False)
    assert broken_on(page) == {"#missing", "/target/#part-9"}


def test_mailto_and_tel_syntax(make_page, linkcheck_settings):
    page = make_page(
        '<p><a href="mailto:adm@zato-sibirsky.ru">Почта</a>'
        ' <a href="mailto:adm@zato-sibirsky.ru?subject=Hi">С темой</a>'
        ' <a href="mailto:not-an-address">Плохая почта</a> <a href="mailto:">Пустая</a>'
        ' <a href="tel:+7 (38532) 3-34-41">Телефон</a> <a href="tel:8-800">Короткий</a>'
        ' <a href="tel:call-me">Буквы</a></p>'
    )
    run_check(page_ids=[page.id], external=False)
    assert broken_on(page) == {"mailto:not-an-address", "mailto:", "tel:call-me"}


def test_links_to_another_site_of_the_installation(make_page, linkcheck_settings):
    from wagtail.models import Site

    section = make_page("<p>Раздел</p>", title="Совет", slug="council")
    make_page("<p>Состав</p>", title="Состав", slug="members", parent=section)
    Site.objects.create(hostname="council.test", port=80, root_page=section)
    page = make_page(
        '<p><a href="http://council.test/members/">Состав совета</a> <a href="http://council.test/none/">Нет</a>'
        ' <a href="/members/">Не на этом сайте</a></p>'
    )
    run_check(page_ids=[page.id], external=False)
    assert broken_on(page) == {"http://council.test/none/", "/members/"}


def test_external_hrefs_are_read_from_stored_content_before_rendering(make_page, linkcheck_settings):
    from cms.linkcheck.prefeed import external_hrefs

    page = make_page('<p><a href="https://example.org/a?x=1&amp;y=2#part">Пример</a> <a href="/local/">Своя</a></p>')
    assert list(external_hrefs(page)) == ["https://example.org/a?x=1&y=2"]


def test_rich_text_page_links_render_the_same_from_the_run_cache(make_page, linkcheck_settings):
    from wagtail.rich_text import expand_db_html

    from cms.linkcheck.pagelinks import pages_for_links

    target = make_page("<p>Цель</p>", title="Цель", slug="target")
    draft = make_page("<p>Черновик</p>", title="Черновик", slug="draft")
    draft.unpublish()
    html = f'<p><a linktype="page" id="{target.id}">Цель</a> <a linktype="page" id="{draft.id}">Черновик</a></p>'
    plain = expand_db_html(html)
    with pages_for_links([target.specific]):
        cached = expand_db_html(html)
    assert cached == plain
    assert 'href="/target/"' in cached

    page = make_page(html)
    run_check(page_ids=[page.id], external=False)
    assert broken_on(page) == {"/draft/"}
