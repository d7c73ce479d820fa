"""A page's queries must not grow with the number of documents or officials on it."""

import pytest

from transparency_blocks.blocks import TransparencyStreamBlock


def render(items):
    block = TransparencyStreamBlock()
    return block.render(block.to_python([{"type": name, "value": raw} for name, raw in items]))


@pytest.mark.parametrize("count", [2, 6])
def test_document_links_cost_two_queries(make_document, django_assert_num_queries, count):
    items = [("document_link", {"document": make_document(title=f"Приказ {n}").pk, "title": ""}) for n in range(count)]
    # one query for the documents, one for the restricted collections (then cached, whatever the number of links)
    with django_assert_num_queries(2):
        html = render(items)
    assert html.count("(PDF, 1,2 МБ)") == count


@pytest.mark.parametrize("count", [2, 6])
def test_officials_with_photos_cost_two_queries(make_image, django_assert_num_queries, count):
    items = [
        (
            "person",
            {"name": f"Сотрудник {n}", "position": "Специалист", "photo": make_image().pk, "photo_alt": f"Портрет {n}"},
        )
        for n in range(count)
    ]
    render(items)  # the first render generates the renditions
    # one query for the images, one for their renditions
    with django_assert_num_queries(2):
        html = render(items)
    assert html.count("<img") == count
