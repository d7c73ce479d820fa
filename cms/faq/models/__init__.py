from .entry import FaqEntry, FaqEntryQuerySet, FaqEntryTag, FaqRelatedDocument, FaqRelatedPage
from .index_page import FaqIndexPage

__all__ = ["FaqEntry", "FaqEntryQuerySet", "FaqEntryTag", "FaqIndexPage", "FaqRelatedDocument", "FaqRelatedPage"]
