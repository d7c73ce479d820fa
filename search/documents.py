"""The searchable text of documents: their titles, and for plain-text documents the words inside."""

import logging
from pathlib import PurePosixPath

logger = logging.getLogger(__name__)

TEXT_EXTENSIONS = {".txt", ".csv"}
MAX_TEXT_BYTES = 2 * 1024 * 1024  # a bigger file is indexed by its first 2 MB: the index is not an archive


def extract_text(file_field) -> str:
    """The text of a plain-text document (UTF-8, else Windows-1251 as Russian offices save it); "" otherwise."""
    name = getattr(file_field, "name", "") or ""
    if PurePosixPath(name).suffix.lower() not in TEXT_EXTENSIONS:
        return ""
    try:
        with file_field.open("rb") as handle:
            data = handle.read(MAX_TEXT_BYTES)
    except OSError:
        logger.warning("Document file %s could not be read for search", name)
        return ""
    for encoding in ("utf-8", "cp1251"):
        try:
            return data.decode(encoding).replace("\x00", " ")
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace").replace("\x00", " ")


def sync_document_text(document, model=None):
    """Create or refresh the search row of ``document`` (its title, collection, date and text)."""
    if model is None:
        from search.models import DocumentText as model
    model.objects.update_or_create(
        document_id=document.pk,
        defaults={
            "title": document.title,
            "collection_id": document.collection_id,
            "created_at": document.created_at,
            "text": extract_text(document.file),
        },
    )
