"""Document links inside paragraphs and page introductions state their format and size, inside the link."""

from bs4 import BeautifulSoup

from cms.linkcheck.models import LinkFinding
from cms.linkcheck.runner import run_check
from tests.conftest import add_information_page, add_rubric


def doc_link(document, text):
    return f'<a linktype="document" id="{document.pk}">{text}</a>'


def links_in(html):
    return {a.get_text(" ", strip=True): a.get("href") for a in BeautifulSoup(html, "lxml").find_all("a")}


def test_a_paragraph_link_gets_the_documents_format_and_size(render_stream, make_document):
    document = make_document(filename="polozhenie.pdf", size=1_258_291)
    html = render_stream(("paragraph", f"<p>См. {doc_link(document, 'положение о комиссии')}.</p>"))
    assert links_in(html) == {"положение о комиссии (PDF, 1,2 МБ)": document.url}
    assert '<span class="document-link__meta">(PDF, 1,2 МБ)</span></a>' in html


def test_a_label_the_editor_wrote_is_not_repeated(render_stream, make_document):
    document = make_document(filename="forma.docx", size=1536)
    html = render_stream(("paragraph", f"<p>{doc_link(document, 'Форма заявления (DOCX, 1,5 КБ)')}</p>"))
    assert links_in(html) == {"Форма заявления (DOCX, 1,5 КБ)": document.url}


def test_every_document_link_of_a_paragraph_gets_its_own_label(render_stream, make_document):
    first = make_document(filename="plan.xlsx", size=2048)
    second = make_document(filename="otchet.pdf", size=10)
    html = render_stream(("paragraph", f"<p>{doc_link(first, 'План')} и {doc_link(second, 'отчёт')}</p>"))
    assert links_in(html) == {"План (XLSX, 2 КБ)": first.url, "отчёт (PDF, 10 Б)": second.url}


def test_a_deleted_document_leaves_the_text_without_a_link_target(render_stream, make_document):
    document = make_document()
    link = doc_link(document, "Положение")
    document.delete()
    html = render_stream(("paragraph", f"<p>{link}</p>"))
    assert "<a>Положение</a>" in html
    assert "document-link__meta" not in html


def test_page_introductions_label_document_links_and_the_link_checker_agrees(
    client, home_page, make_document, settings
):
    settings.LINKCHECK_ON_PUBLISH = False
    document = make_document(filename="postanovlenie.pdf", size=4096)
    rubric = add_rubric(home_page, "Документы", "dokumenty", intro=f"<p>{doc_link(document, 'Постановление')}</p>")
    page = add_information_page(
        rubric, "Порядок", "poryadok", body=[("paragraph", f"<p>{doc_link(document, 'Постановление')}</p>")]
    )
    for url in (rubric.url, page.url):
        assert links_in(client.get(url).content.decode())["Постановление (PDF, 4 КБ)"] == document.url
    run_check(external=False)
    assert not LinkFinding.objects.open().filter(rule="document-format-size").exists()
    assert not LinkFinding.objects.open().filter(rule="broken-link").exists()
