from wagtail.blocks import StructBlockValidationError

from transparency_blocks.blocks import HeadingBlock, ParagraphBlock, TransparencyStreamBlock
from transparency_blocks.blocks.text import PARAGRAPH_FEATURES


def test_heading_renders_at_the_chosen_level(render_stream):
    html = render_stream(("heading", {"text": "Порядок приёма граждан", "level": "h3"}))
    assert "<h3>Порядок приёма граждан</h3>" in html


def test_heading_text_is_escaped(render_stream):
    html = render_stream(("heading", {"text": "<script>x</script>", "level": "h2"}))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_heading_level_outside_h2_to_h4_is_refused():
    block = HeadingBlock()
    try:
        block.clean(block.to_python({"text": "Раздел", "level": "h1"}))
    except StructBlockValidationError as error:
        assert "level" in error.block_errors
    else:
        raise AssertionError("h1 accepted inside the body")


def test_paragraph_offers_no_headings_images_or_embeds():
    features = TransparencyStreamBlock().child_blocks["paragraph"].features
    assert features == PARAGRAPH_FEATURES
    assert not {"h1", "h2", "h3", "h4", "image", "embed"} & set(features)


def test_paragraph_renders_rich_text(render_stream):
    html = render_stream(("paragraph", "<p>Приём по <b>записи</b>.</p><ul><li>по телефону</li></ul>"))
    assert '<div class="rich-text"><p>Приём по <b>записи</b>.</p><ul><li>по телефону</li></ul></div>' in html


def test_paragraph_is_stored_as_a_plain_rich_text_block_in_migrations():
    path, _args, kwargs = ParagraphBlock().deconstruct()
    assert path == "wagtail.blocks.RichTextBlock"
    assert kwargs["features"] == PARAGRAPH_FEATURES


def test_stream_renders_blocks_without_wrapper_divs(render_stream):
    html = render_stream(("heading", {"text": "Раздел", "level": "h2"}))
    assert "block-heading" not in html


def test_tampered_heading_level_cannot_inject_attributes(render_stream):
    html = render_stream(("heading", {"text": "Раздел", "level": "h2 onmouseover=alert(1)"}))
    assert "<h2>Раздел</h2>" in html
    assert "onmouseover" not in html
