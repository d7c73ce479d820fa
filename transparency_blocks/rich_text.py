"""Document links inside rich text carry the same «(PDF, 1,2 МБ)» label as the document block.

Citizens should know what a link downloads before they follow it, and the label must be part of the link's
accessible name (docs/linkcheck.md, rule `document-format-size`). Wagtail's link handlers only write a link's
opening tag, so the handler below puts the label on it as `data-file-label`, and `add_file_labels` (the
`richtext_labelled` filter) writes it inside the link when the page is rendered, unless the editor already did.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from html import unescape

from django.utils.html import escape, strip_tags
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler

from .blocks.file_labels import document_label
from .privacy import RESTRICTED_LINK_TEXT, private_document_ids

LABEL_ATTRIBUTE = "data-file-label"
# A link to a document in a restricted collection: its text is replaced, as its title may be private.
RESTRICTED_ATTRIBUTE = "data-restricted-document"
_RESTRICTED_LINK = re.compile(
    rf'(<a\b[^>]*\s{RESTRICTED_ATTRIBUTE}(?:="[^"]*")?[^>]*>)(.*?)(</a>)', re.IGNORECASE | re.DOTALL
)
# Rich text links never nest, so a link runs from its opening tag to the next </a>.
_LABELLED_LINK = re.compile(rf'(<a\b[^>]*\s{LABEL_ATTRIBUTE}="([^"]*)"[^>]*>)(.*?)(</a>)', re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"\s+")
# The documents rich text links to, by id (a string), while a page is served: see `document_links_scope`.
_documents: ContextVar[dict | None] = ContextVar("transparency_blocks_documents", default=None)


@contextmanager
def document_links_scope():
    """While active (one request), documents given to `prefetch_documents` cost rich text links no query.

    Wagtail's handler asks for the documents of every rich text value it renders: a page of ten paragraphs,
    each linking a document, would ask ten times.
    """
    token = _documents.set({})
    try:
        yield
    finally:
        _documents.reset(token)


def prefetch_documents(ids) -> None:
    """Load the documents with these ids in one query for the rich text links rendered in the current scope."""
    cache = _documents.get()
    missing = {str(id_) for id_ in ids} - set(cache or ())
    if cache is None or not missing:
        return
    found = {str(document.pk): document for document in get_document_model().objects.filter(pk__in=missing)}
    cache.update({id_: found.get(id_) for id_ in missing})


def _normalised(text):
    return _SPACES.sub(" ", unescape(text)).strip().lower()


class LabelledDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's «document» link type, with the document's format and size on the link."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        cache = _documents.get()
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        if cache is None or any(id_ not in cache for id_ in ids):
            return super().get_many(attrs_list)
        return [cache[id_] for id_ in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        tags = []
        documents = cls.get_many(attrs_list)
        private = private_document_ids(documents)
        for document in documents:
            if document is None:
                tags.append("<a>")  # a deleted document: as Wagtail renders it
                continue
            if document.pk in private:
                tags.append(f'<a href="{escape(document.url)}" {RESTRICTED_ATTRIBUTE}="">')
                continue
            label = document_label(document)
            extra = f' {LABEL_ATTRIBUTE}="{escape(label)}"' if label else ""
            tags.append(f'<a href="{escape(document.url)}"{extra}>')
        return tags


def add_file_labels(html: str) -> str:
    """Write each labelled document link's «(format, size)» inside the link, after its text.

    A link to a private document gets neutral text instead of the editor's (usually the document's title).
    """

    def insert(match):
        opening, label, text, closing = match.groups()
        if _normalised(label) in _normalised(strip_tags(text)):
            return match.group(0)  # the editor already wrote it into the link text
        return f'{opening}{text} <span class="document-link__meta">({label})</span>{closing}'

    def neutral(match):
        opening, _text, closing = match.groups()
        return f"{opening}{escape(RESTRICTED_LINK_TEXT)}{closing}"

    return _LABELLED_LINK.sub(insert, _RESTRICTED_LINK.sub(neutral, html))
