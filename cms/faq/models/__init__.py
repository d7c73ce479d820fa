from .entry import FaqEntry, FaqEntryQuerySet, FaqEntryTag, FaqRelatedDocument, FaqRelatedPage
from .index_page import FaqIndexPage
from .question import FaqQuestion

__all__ = [
    "FaqEntry",
    "FaqEntryQuerySet",
    "FaqEntryTag",
    "FaqIndexPage",
    "FaqQuestion",
    "FaqRelatedDocument",
    "FaqRelatedPage",
]
