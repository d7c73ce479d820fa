"""Realistic Russian sample content for --demo, built from the data file: its rubric texts and the roadmap's items.

Citizens get content of each page's kind; the roadmap's wording («мероприятия», «срок исполнения», the
responsible units) is for editors and shows in the page editor instead (cms/pages/panels.py). The phones,
hours and texts are fictional demo data (marked so in data/rubrics.yaml).

Everything here is pure (no database): the builder decides where the content goes and never overwrites an editor's.
"""

from django.utils.html import format_html

from transparency_blocks.blocks import TransparencyStreamBlock

from .schema import RubricSpec, SiteData

# Fictional demo data (address of the administration building aside): phone, e-mail and hours are invented.
SITE_SETTINGS = {
    "postal_address": "658970, Алтайский край, ЗАТО Сибирский, ул. Гоголя, 5",
    "phone": "+7 (38532) 5-10-01",
    "email": "admin@zato-sibirsky.example",
    "working_hours": "Пн–Чт 8:30–17:30, Пт 8:30–16:30, перерыв 13:00–14:00",
}

HOME_INTRO = (
    "<p>Официальный сайт органов местного самоуправления городского округа ЗАТО Сибирский Алтайского края: "
    "документы, услуги, приём граждан, контакты администрации и Совета депутатов.</p>"
)


def legal_basis(spec: RubricSpec) -> str:
    """One short line naming the law a page publishes under; the roadmap's bookkeeping stays in the editor."""
    return "Основание: статья 13 Федерального закона от 09.02.2009 № 8-ФЗ." if spec.fz8 else ""


def rubric_intro(spec: RubricSpec, data: SiteData) -> str:
    """Rich text for a RubricPage or UnitsPage introduction: what the section holds, in the citizen's words.

    The roadmap items, deadlines and units behind the rubric are shown to editors (cms/pages/panels.py).
    """
    html = format_html("<p>{}</p>", spec.intro or spec.title)
    for text in spec.demo:
        html += format_html("<p>{}</p>", text)
    return html


def information_body(spec: RubricSpec, data: SiteData) -> list[dict]:
    """Raw StreamField data for an InformationPage: the rubric's sample text and at most a short legal-basis line."""
    available = TransparencyStreamBlock().child_blocks
    if "paragraph" not in available:
        return []
    blocks = [
        {"type": "paragraph", "value": str(format_html("<p>{}</p>", text))}
        for text in spec.demo or (spec.intro or spec.title,)
    ]
    basis = legal_basis(spec)
    if basis:
        blocks.append({"type": "paragraph", "value": str(format_html("<p>{}</p>", basis))})
    return blocks


def search_description(spec: RubricSpec) -> str:
    """The rubric's one-line description (data `intro`), used for listings and search results."""
    return spec.intro
