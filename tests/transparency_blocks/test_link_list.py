import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.models import PageViewRestriction

from cms.pages.models import InformationPage
from transparency_blocks.blocks import LinkItemBlock, TransparencyStreamBlock


def link_list(*links, heading="Полезные ссылки", level="h2"):
    return {"heading": heading, "level": level, "links": list(links)}


def page_link(page, text=""):
    return {"page": page.pk, "url": "", "text": text}


def url_link(url, text):
    return {"page": None, "url": url, "text": text}


@pytest.fixture
def make_page(home_page):
    def make(title, live=True):
        page = home_page.add_child(instance=InformationPage(title=title, live=live))
        return page

    return make


def test_link_list_renders_heading_and_links(render_stream, make_page):
    page = make_page("Приём граждан")
    html = render_stream(
        (
            "link_list",
            link_list(page_link(page), url_link("https://www.gosuslugi.ru/", "Портал госуслуг"), level="h3"),
        )
    )
    assert "<h3>Полезные ссылки</h3>" in html
    assert f'<li><a href="{page.url}">Приём граждан</a></li>' in html
    assert '<li><a href="https://www.gosuslugi.ru/">Портал госуслуг</a></li>' in html


def test_link_text_overrides_the_page_title(render_stream, make_page):
    page = make_page("Приём граждан")
    html = render_stream(("link_list", link_list(page_link(page, "Запись на приём"))))
    assert ">Запись на приём</a>" in html
    assert "Приём граждан" not in html


def test_deleted_unpublished_and_private_pages_are_left_out(render_stream, make_page):
    deleted = make_page("Удалённая")
    deleted_pk = deleted.pk
    deleted.delete()
    draft = make_page("Черновик", live=False)
    private = make_page("Закрытая")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    public = make_page("Открытая")
    html = render_stream(
        (
            "link_list",
            link_list(
                {"page": deleted_pk, "url": "", "text": "Удалённая"},
                page_link(draft),
                page_link(private),
                page_link(public),
            ),
        )
    )
    assert "Открытая" in html
    for hidden in ("Удалённая", "Черновик", "Закрытая"):
        assert hidden not in html


def test_list_whose_links_are_all_gone_renders_nothing(render_stream, make_page):
    draft = make_page("Черновик", live=False)
    html = render_stream(("link_list", link_list(page_link(draft))))
    assert "Полезные ссылки" not in html
    assert "<ul" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("item", "field", "message"),
    [
        (url_link("", ""), None, "Выберите страницу или укажите внешний адрес."),
        (url_link("https://example.ru/", ""), "text", "Укажите текст ссылки для внешнего адреса."),
    ],
)
def test_link_item_validation_messages(item, field, message):
    block = LinkItemBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(item))
    errors = (
        raised.value.block_errors[field].messages
        if field
        else [e.message for e in raised.value.non_block_errors.as_data()]
    )
    assert errors == [message]


def test_page_and_url_together_are_refused(make_page):
    page = make_page("Приём граждан")
    block = LinkItemBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"page": page.pk, "url": "https://example.ru/", "text": "Приём"}))
    assert [e.message for e in raised.value.non_block_errors.as_data()] == [
        "Выберите страницу или укажите внешний адрес, но не то и другое одновременно."
    ]


def render_link_list(pages):
    block = TransparencyStreamBlock()
    value = block.to_python([{"type": "link_list", "value": link_list(*(page_link(p) for p in pages))}])
    return block.render(value)


@pytest.mark.parametrize("count", [2, 8])
def test_link_list_query_count_does_not_grow_with_links(make_page, django_assert_num_queries, count):
    pages = [make_page(f"Страница {n}") for n in range(count)]
    render_link_list(pages[:1])  # warm the site root cache
    # one query for the pages, one for view restrictions
    with django_assert_num_queries(2):
        html = render_link_list(pages)
    assert html.count("<li>") == count
