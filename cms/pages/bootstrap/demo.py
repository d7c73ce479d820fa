"""Realistic Russian sample content for --demo, built from the data file: its rubric texts and the roadmap's items.

Everything here is pure (no database): the builder decides where the content goes and never overwrites an editor's.
"""

from django.utils.html import format_html, format_html_join

from transparency_blocks.blocks import TransparencyStreamBlock

from .schema import RubricSpec, SiteData

ROADMAP_ACT = "распоряжение Администрации ЗАТО Сибирский от 21.03.2018 № 122-р"
FZ8 = "Федеральный закон от 09.02.2009 № 8-ФЗ «Об обеспечении доступа к информации о деятельности государственных органов и органов местного самоуправления», статья 13"  # noqa: E501

SITE_SETTINGS = {
    "postal_address": "658970, Алтайский край, ЗАТО Сибирский, ул. Гоголя, 5",
    "phone": "+7 (38532) 5-10-01",
    "email": "admin@zato-sibirsky.example",
    "working_hours": "Пн–Чт 8:30–17:30, Пт 8:30–16:30, перерыв 13:00–14:00",
}

HOME_INTRO = (
    "<p>Официальный сайт органов местного самоуправления городского округа ЗАТО Сибирский Алтайского края. "
    "Структура сайта соответствует плану мероприятий («дорожной карте») по реализации принципов открытости, "
    f"утверждённому ({ROADMAP_ACT}), и статье 13 Федерального закона № 8-ФЗ.</p>"
)


def _item_lines(spec: RubricSpec, data: SiteData) -> list[tuple[str, str, str, str]]:
    items = {item.number: item for item in data.roadmap_items}
    lines = []
    for number in spec.roadmap:
        item = items[number]
        units = ", ".join(data.unit_by_code[code].name for code in item.units)
        lines.append((item.number, item.text, item.cadence or "не установлен", units))
    return lines


def rubric_intro(spec: RubricSpec, data: SiteData) -> str:
    """Rich text for a RubricPage or UnitsPage introduction."""
    html = format_html("<p>{}</p>", spec.intro or spec.title)
    lines = _item_lines(spec, data)
    if lines:
        html += format_html("<p>Рубрика обеспечивает выполнение мероприятий «дорожной карты» ({}):</p>", ROADMAP_ACT)
        html += format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}. {} Срок исполнения: {}.</li>", ((n, t, c) for n, t, c, _ in lines)),
        )
    return html


def information_body(spec: RubricSpec, data: SiteData) -> list[dict]:
    """Raw StreamField data for an InformationPage, using only the blocks the stream block has right now."""
    available = TransparencyStreamBlock().child_blocks
    if "paragraph" not in available:
        return []
    blocks = []

    def heading(text):
        if "heading" in available:
            blocks.append({"type": "heading", "value": {"text": text, "level": "h2"}})

    def paragraph(html):
        blocks.append({"type": "paragraph", "value": str(html)})

    for text in spec.demo or (spec.intro or spec.title,):
        paragraph(format_html("<p>{}</p>", text))
    lines = _item_lines(spec, data)
    if lines:
        heading("Мероприятия «дорожной карты»")
        for number, text, cadence, units in lines:
            paragraph(
                format_html(
                    "<p><b>{}.</b> {}</p><p>Срок исполнения: {}. Ответственные: {}.</p>", number, text, cadence, units
                )
            )
    if spec.fz8:
        titles = {category.id: category.title for category in data.fz8_categories}
        heading("Основание")
        paragraph(
            format_html(
                "<p>{}:</p><ul>{}</ul>", FZ8, format_html_join("", "<li>{}</li>", ((titles[c],) for c in spec.fz8))
            )
        )
    return blocks


def search_description(spec: RubricSpec) -> str:
    """The rubric's one-line description (data `intro`), used for listings and search results."""
    return spec.intro
