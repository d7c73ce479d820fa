import pytest

from transparency_blocks.blocks import document_label, file_label, file_size_label


@pytest.mark.parametrize(
    ("size", "label"),
    [
        (0, "0 Б"),
        (1, "1 Б"),
        (1023, "1023 Б"),
        (1024, "1 КБ"),
        (1536, "1,5 КБ"),
        (10 * 1024 + 102, "10,1 КБ"),
        (1024 * 1024 - 1, "1 МБ"),  # 1023,999 КБ would round to «1024 КБ»
        (1024 * 1024, "1 МБ"),
        (1_258_291, "1,2 МБ"),
        (1024**3, "1 ГБ"),
        (int(2.25 * 1024**3), "2,3 ГБ"),  # half rounds up
        (5 * 1024**4, "5120 ГБ"),  # no unit above ГБ
    ],
)
def test_file_size_label_uses_russian_units_and_decimal_comma(size, label):
    assert file_size_label(size) == label


@pytest.mark.parametrize("size", [None, -1])
def test_unknown_size_gives_no_label(size):
    assert file_size_label(size) == ""


@pytest.mark.parametrize(
    ("extension", "size", "label"),
    [
        ("pdf", 1_258_291, "PDF, 1,2 МБ"),
        (".docx", 2048, "DOCX, 2 КБ"),
        ("xlsx", None, "XLSX"),
        ("", 100, "100 Б"),
        ("", None, ""),
    ],
)
def test_file_label_joins_format_and_size(extension, size, label):
    assert file_label(extension, size) == label


def test_document_label_is_read_from_the_stored_file(make_document):
    document = make_document(filename="reglament.PDF", size=1536)
    assert document_label(document) == "PDF, 1,5 КБ"


def test_document_whose_file_is_missing_gets_a_format_but_no_size(make_document):
    document = make_document(filename="prikaz.pdf")
    document.file.storage.delete(document.file.name)
    assert document_label(document) == "PDF"
