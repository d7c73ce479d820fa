"""Rich text and StreamField values of generated pages, with the href each link will have on the served site."""

import uuid
from dataclasses import dataclass

from django.utils.html import escape

from .plan import EXISTING_ANCHOR, PlannedLink

# Far above any real document id, so these URLs 404 (Wagtail's document view answers 404 for unknown ids).
MISSING_DOCUMENT_BASE_ID = 900_000_000


@dataclass(frozen=True)
class GroundTruthLink:
    """One link as a checker sees it on the served site: ``href`` is site-relative for internal links."""

    source: str
    href: str
    kind: str
    broken: bool

    def as_row(self) -> dict:
        return {"source": self.source, "href": self.href, "kind": self.kind, "broken": self.broken}


@dataclass(frozen=True)
class GeneratedDocument:
    id: int
    url: str
    title: str


@dataclass
class SiteFacts:
    """What rendering needs to know once pages exist: ids, URLs and titles by plan index."""

    ids: list[int]
    urls: list[str]
    titles: list[str]
    root_url: str
    documents: list[GeneratedDocument]
    external_port: int

    def external_url(self, host: int, kind: str, number: int) -> str:
        # Test hosts start at 127.0.0.2: 127.0.0.1 serves the site itself in the benchmark.
        return f"http://127.0.0.{host + 2}:{self.external_port}/{kind}/{number}"


def render_link(link: PlannedLink, source: int, facts: SiteFacts) -> tuple[str, GroundTruthLink]:
    """The rich-text (database format) anchor of a planned link and the link as it will be served."""
    source_url = facts.urls[source]
    kind, target = link.kind, link.target
    if kind == "page":
        tag = f'<a linktype="page" id="{facts.ids[target]}">{escape(facts.titles[target])}</a>'
        href = facts.urls[target]
    elif kind == "page_fragment":
        href = f"{facts.urls[target]}#{EXISTING_ANCHOR}"
        tag = f'<a href="{href}">{escape(facts.titles[target])}: основное содержание</a>'
    elif kind == "fragment":
        tag = f'<a href="#{EXISTING_ANCHOR}">К началу содержания</a>'
        href = f"{source_url}#{EXISTING_ANCHOR}"
    elif kind == "missing_fragment":
        tag = f'<a href="#gone-{target}">Раздел {target}, которого нет</a>'
        href = f"{source_url}#gone-{target}"
    elif kind == "missing_page":
        href = f"{facts.root_url}no-such-page-{target}/"
        tag = f'<a href="{href}">Удалённая страница {target}</a>'
    elif kind == "document":
        document = facts.documents[target]
        tag = f'<a linktype="document" id="{document.id}">{escape(document.title)} (TXT, 1 КБ)</a>'
        href = document.url
    elif kind == "missing_document":
        href = f"/documents/{MISSING_DOCUMENT_BASE_ID + target}/missing-{target}.pdf"
        tag = f'<a href="{href}">Утраченный документ {target} (PDF, 10 КБ)</a>'
    else:  # external
        host, name, number = target
        href = facts.external_url(host, name, number)
        tag = f'<a href="{href}">Внешний ресурс {host + 2}: {name} {number}</a>'
        kind = f"external_{name}"
    return tag, GroundTruthLink(source=source_url, href=href, kind=kind, broken=link.broken)


def information_body(index: int, links: list[PlannedLink], facts: SiteFacts) -> tuple[list, list[GroundTruthLink]]:
    """A heading and paragraphs of about four links each: the raw StreamField data and the served links."""
    blocks = [_block("heading", {"text": f"Сведения, раздел {index}", "level": "h2"})]
    truth = []
    for start in range(0, len(links), 4):
        tags = []
        for link in links[start : start + 4]:
            tag, served = render_link(link, index, facts)
            tags.append(tag)
            truth.append(served)
        text = "; ".join(tags)
        blocks.append(_block("paragraph", f"<p>Материалы по теме {index}, часть {start // 4 + 1}: {text}.</p>"))
    return blocks, truth


def rubric_intro(index: int, children: list[int], facts: SiteFacts) -> tuple[str, list[GroundTruthLink]]:
    """A rubric lists its children, so a crawler starting at the generated root reaches every page."""
    items = []
    truth = []
    for child in children:
        tag, served = render_link(PlannedLink(kind="page", target=child, broken=False), index, facts)
        items.append(f"<li>{tag}</li>")
        truth.append(served)
    return f"<p>Содержание раздела:</p><ul>{''.join(items)}</ul>", truth


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}
