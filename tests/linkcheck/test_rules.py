"""Every accessibility rule, with cases that must fire and cases that must not."""

import pytest

from cms.linkcheck.extract import extract
from cms.linkcheck.rules import RULES, apply_rules


def fired(html, rule_id=None):
    content = extract(f"<html><body><main>{html}</main></body></html>", url="/page/")
    return [
        (rule.id, link.href) for rule, link, _ in apply_rules(content.links, content.url) if rule_id in (None, rule.id)
    ]


def fires(rule_id, html):
    return bool(fired(html, rule_id))


def test_every_rule_has_a_severity_explanation_and_fix():
    assert set(RULES) == {
        "no-name",
        "ambiguous-text",
        "raw-url",
        "same-text-different-targets",
        "document-format-size",
        "new-window-no-warning",
        "image-no-alt",
    }
    for rule in RULES.values():
        assert rule.severity in ("error", "warning", "notice")
        assert str(rule.explanation) and str(rule.fix) and str(rule.title)


@pytest.mark.parametrize(
    "html",
    [
        '<a href="/a/"></a>',
        '<a href="/a/">   </a>',
        '<a href="/a/"><img src="/i.png"></a>',
        '<a href="/a/"><img src="/i.png" alt=""></a>',
        '<a href="/a/"><span aria-hidden="true">→</span></a>',
    ],
)
def test_no_name_fires(html):
    assert fires("no-name", html)


@pytest.mark.parametrize(
    "html",
    [
        '<a href="/a/">Отчёт</a>',
        '<a href="/a/" aria-label="Отчёт за 2025 год"></a>',
        '<a href="/a/"><img src="/i.png" alt="Герб"></a>',
        '<span id="l">Отчёт</span><a href="/a/" aria-labelledby="l"></a>',
        '<a href="/a/" title="Отчёт"><svg></svg></a>',
    ],
)
def test_no_name_does_not_fire(html):
    assert not fires("no-name", html)


@pytest.mark.parametrize(
    "text", ["здесь", "Тут", "Подробнее…", "Читать далее", "ссылка", "click here", "Read more", "ЗДЕСЬ."]
)
def test_ambiguous_text_fires(text):
    assert fires("ambiguous-text", f'<a href="/a/">{text}</a>')


@pytest.mark.parametrize(
    "text", ["Подробнее о приёме граждан", "Порядок обжалования", "здесь можно подать обращение", ""]
)
def test_ambiguous_text_does_not_fire(text):
    assert not fires("ambiguous-text", f'<a href="/a/">{text}</a>')


def test_ambiguous_by_aria_label_is_fine():
    assert not fires("ambiguous-text", '<a href="/a/" aria-label="Подробнее о бюджете">Подробнее</a>')


def test_extra_ambiguous_phrases_from_settings(settings):
    settings.LINKCHECK_EXTRA_AMBIGUOUS_PHRASES = ["Жми"]
    assert fires("ambiguous-text", '<a href="/a/">жми</a>')


def test_rules_can_be_switched_off(settings):
    settings.LINKCHECK_DISABLED_RULES = ["ambiguous-text"]
    assert not fires("ambiguous-text", '<a href="/a/">здесь</a>')
    assert fires("no-name", '<a href="/a/"></a>')


@pytest.mark.parametrize(
    "text", ["https://zato-sibirsky.ru/docs/", "www.gosuslugi.ru", "gosuslugi.ru/help", "gosuslugi.ru", "сибирский.рф"]
)
def test_raw_url_fires(text):
    assert fires("raw-url", f'<a href="https://gosuslugi.ru/">{text}</a>')


@pytest.mark.parametrize("text", ["Госуслуги", "Сайт gosuslugi.ru для заявлений", "Решение № 5.1", "ст.5/2"])
def test_raw_url_does_not_fire(text):
    assert not fires("raw-url", f'<a href="https://gosuslugi.ru/">{text}</a>')


def test_same_text_different_targets_fires_for_each_link():
    html = '<a href="/a/">Положение</a><a href="/b/">Положение</a><a href="/c/">Другое</a>'
    assert fired(html, "same-text-different-targets") == [
        ("same-text-different-targets", "/a/"),
        ("same-text-different-targets", "/b/"),
    ]


def test_same_text_same_target_does_not_fire():
    html = (
        '<a href="/a/">Положение</a><a href="/a/#part">Положение</a><a href="/a">Положение</a>'
        '<a href="../a/">Положение</a><a href="/b/">Устав</a>'
    )
    assert not fires("same-text-different-targets", html)


@pytest.mark.parametrize(
    ("href", "text"),
    [
        ("/documents/1/polozhenie.pdf", "Положение"),
        ("/documents/1/polozhenie.pdf", "Положение (PDF)"),
        ("/documents/1/polozhenie.pdf", "Положение (240 КБ)"),
        ("https://example.org/files/plan.DOCX", "План (PDF, 1 МБ)"),
        ("/media/report.xlsx", "Отчёт"),
        ("/files/archive.zip?download=1", "Архив"),
    ],
)
def test_document_without_format_and_size_fires(href, text):
    assert fires("document-format-size", f'<a href="{href}">{text}</a>')


@pytest.mark.parametrize(
    ("href", "text"),
    [
        ("/documents/1/polozhenie.pdf", "Положение (PDF, 240 КБ)"),
        ("/documents/1/plan.docx", "План (DOCX, 1,2 МБ)"),
        ("/files/table.ods", "Таблица (ods, 15 KB)"),
        ("/documents/1/report.rar", "Отчёт (RAR, 3.5 MB)"),
        ("/documents/1/act.rtf", "Акт (RTF, 15 Кбайт)"),
        ("/documents/1/act.odt", "Акт (ODT, 800 байт)"),
        ("/about/", "О нас"),
        ("/files/photo.jpg", "Фото"),
    ],
)
def test_document_with_format_and_size_does_not_fire(href, text):
    assert not fires("document-format-size", f'<a href="{href}">{text}</a>')


@pytest.mark.parametrize(
    "html",
    ['<a href="/a/" target="_blank">Госуслуги</a>', '<a href="/a/" target="other">Госуслуги</a>'],
)
def test_new_window_without_warning_fires(html):
    assert fires("new-window-no-warning", html)


@pytest.mark.parametrize(
    "html",
    [
        '<a href="/a/" target="_blank">Госуслуги (откроется в новом окне)</a>',
        '<a href="/a/" target="_blank" aria-label="Госуслуги, в новой вкладке">Госуслуги</a>',
        '<a href="/a/" target="_blank">Portal (opens in a new tab)</a>',
        '<a href="/a/" target="_self">Госуслуги</a>',
        '<a href="/a/">Госуслуги</a>',
    ],
)
def test_new_window_with_warning_does_not_fire(html):
    assert not fires("new-window-no-warning", html)


def test_image_without_alt_fires():
    assert fires("image-no-alt", '<img src="/media/a.png">')
    assert fires("image-no-alt", '<a href="/a/">Отчёт <img src="/media/a.png"></a>')


@pytest.mark.parametrize(
    "html",
    [
        '<img src="/a.png" alt="Герб">',
        '<img src="/a.png" alt="">',
        '<img src="/a.png" aria-label="Герб">',
        '<img src="/a.png" role="presentation">',
    ],
)
def test_image_with_alt_or_decorative_does_not_fire(html):
    assert not fires("image-no-alt", html)


def test_links_outside_the_content_area_are_ignored():
    html = '<html><body><header><a href="/">здесь</a></header><main><p>Текст</p></main></body></html>'
    assert extract(html).links == []


def test_anchors_come_from_the_whole_document():
    html = '<html><body><header id="top"></header><main><a name="old">x</a><h2 id="part">x</h2></main></body></html>'
    assert {"top", "old", "part"} <= extract(html).anchors


def test_label_outside_the_content_area_names_the_link():
    html = '<html><body><h2 id="t">Отчёт 2025</h2><main><a href="/r/" aria-labelledby="t"></a></main></body></html>'
    (link,) = extract(html).links
    assert link.name == "Отчёт 2025"


def test_ids_in_attribute_values_or_data_attributes_are_not_anchors():
    html = '<html><body><main><p data-id="x" title="id=\'y\'">id="z"</p><div id="real"></div></main></body></html>'
    assert extract(html).anchors == {"real"}
