import pytest
from wagtail.blocks import StructBlockValidationError

from transparency_blocks.blocks import DocumentLinkBlock


def test_document_link_names_format_and_size_inside_the_link(render_stream, make_document):
    document = make_document(title="Положение о комиссии", filename="polozhenie.pdf", size=1_258_291)
    html = render_stream(("document_link", {"document": document.pk, "title": ""}))
    assert (
        f'<a href="{document.url}">Положение о комиссии <span class="document-link__meta">(PDF, 1,2 МБ)</span></a>'
        in html
    )


def test_title_override_replaces_the_document_title(render_stream, make_document):
    document = make_document(title="scan_0001", filename="scan.docx", size=1536)
    html = render_stream(("document_link", {"document": document.pk, "title": "Форма заявления"}))
    assert "Форма заявления" in html
    assert "scan_0001" not in html
    assert "(DOCX, 1,5 КБ)" in html


def test_deleted_document_renders_nothing(render_stream, make_document):
    document = make_document()
    pk = document.pk
    document.delete()
    html = render_stream(
        ("document_link", {"document": pk, "title": "Положение"}), ("heading", {"text": "Дальше", "level": "h2"})
    )
    assert "<a" not in html
    assert "Положение" not in html
    assert "<h2>Дальше</h2>" in html


def test_document_missing_on_disk_still_renders_without_size(render_stream, make_document):
    document = make_document(filename="prikaz.pdf")
    document.file.storage.delete(document.file.name)
    html = render_stream(("document_link", {"document": document.pk, "title": ""}))
    assert "(PDF)</span></a>" in html


@pytest.mark.django_db
def test_saving_without_a_document_shows_a_russian_message():
    block = DocumentLinkBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"document": None, "title": "Положение"}))
    assert raised.value.block_errors["document"].messages == ["Выберите документ (удалённый документ нужно заменить)."]


@pytest.mark.django_db
def test_a_draft_may_be_saved_without_a_document():
    block = DocumentLinkBlock()
    block.defer_required_validation()
    try:
        cleaned = block.clean(block.to_python({"document": None, "title": "Положение"}))
    finally:
        block.restore_deferred_validation()
    assert cleaned["title"] == "Положение"


def test_document_link_is_found_by_the_name_citizens_see(make_document):
    document = make_document(title="Положение о комиссии")
    block = DocumentLinkBlock()
    assert block.get_searchable_content(block.to_python({"document": document.pk, "title": ""})) == [
        "Положение о комиссии"
    ]
    assert block.get_searchable_content(block.to_python({"document": document.pk, "title": "Форма"})) == ["Форма"]


def test_api_gives_the_link_as_a_citizen_sees_it(make_document, rf):
    document = make_document(title="Положение о комиссии", filename="polozhenie.pdf", size=1536)
    block = DocumentLinkBlock()
    data = block.get_api_representation(
        block.to_python({"document": document.pk, "title": ""}), context={"request": rf.get("/api/")}
    )
    assert data == {
        "document": document.pk,
        "title": "Положение о комиссии",
        "url": f"http://testserver{document.url}",
        "file_extension": "pdf",
        "file_size": 1536,
        "label": "PDF, 1,5 КБ",
    }


@pytest.mark.django_db
def test_api_gives_nothing_for_a_deleted_document():
    block = DocumentLinkBlock()
    assert block.get_api_representation(block.to_python({"document": 999, "title": "Положение"})) is None
