"""Documents a visitor may not see: those in a collection with a view restriction (or below one).

A public page may link such a document (the link asks for the password or a login), but its title, format
and size must not show on the page, in the API or in the site's search index: the link is rendered with
neutral text, as links to restricted pages give nothing of their target away.
"""

import re

from django.core.cache import cache
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

RESTRICTED_LINK_TEXT = _("document with restricted access")
# Collections are a treebeard tree: each level adds four characters to the path.
_STEP = Collection.steplen
# A document link as Wagtail stores rich text in the database.
_STORED_DOCUMENT_LINK = re.compile(r'<a\b[^>]*\blinktype="document"[^>]*>.*?</a>', re.IGNORECASE | re.DOTALL)
_ID = re.compile(r'\bid="(\d+)"')


RESTRICTED_PATHS_KEY = "transparency_blocks:restricted-collection-paths"


def restricted_collection_paths() -> set[str]:
    """Paths of the collections with a view restriction, cached until a restriction or collection changes
    (``signal_handlers``): a page with many document links would otherwise ask once per link."""
    paths = cache.get(RESTRICTED_PATHS_KEY)
    if paths is None:
        paths = set(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
        cache.set(RESTRICTED_PATHS_KEY, paths, 300)
    return paths


def forget_restricted_collection_paths(**kwargs) -> None:
    cache.delete(RESTRICTED_PATHS_KEY)


def private_document_ids(documents) -> set[int]:
    """The ids of those ``documents`` a visitor may not see; at most two queries whatever their number."""
    documents = [document for document in documents if document is not None]
    if not documents:
        return set()
    restricted = restricted_collection_paths()
    if not restricted:
        return set()
    paths = dict(Collection.objects.filter(pk__in={d.collection_id for d in documents}).values_list("pk", "path"))
    private = set()
    for document in documents:
        path = paths.get(document.collection_id, "")
        if any(path[:end] in restricted for end in range(_STEP, len(path) + 1, _STEP)):
            private.add(document.pk)
    return private


def is_private_document(document) -> bool:
    return document is not None and document.pk in private_document_ids([document])


def without_private_document_links(stored_html: str) -> str:
    """Stored rich text minus the links (and their text) to private documents: what the search index may see."""
    return _rewrite_private_links(stored_html, lambda link: "")


def neutral_private_document_links(stored_html: str) -> str:
    """Stored rich text whose links to private documents keep their target but get neutral text (for the API)."""
    text = escape(str(RESTRICTED_LINK_TEXT))
    return _rewrite_private_links(stored_html, lambda link: link[: link.index(">") + 1] + text + "</a>")


def _rewrite_private_links(stored_html, replace) -> str:
    links = _STORED_DOCUMENT_LINK.findall(stored_html or "")
    ids = {int(match.group(1)) for link in links if (match := _ID.search(link))}
    if not ids:
        return stored_html
    private = private_document_ids(get_document_model().objects.filter(pk__in=ids).only("pk", "collection_id"))
    if not private:
        return stored_html

    def drop(match):
        found = _ID.search(match.group(0))
        return replace(match.group(0)) if found and int(found.group(1)) in private else match.group(0)

    return _STORED_DOCUMENT_LINK.sub(drop, stored_html)
