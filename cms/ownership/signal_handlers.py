"""Receivers: publishing counts as a review, for pages and for registry entries with drafts alike."""

from wagtail.signals import published

from cms.ownership.owned_types import is_owned
from cms.ownership.writer import record_review


def on_published(sender, instance, **kwargs):
    # Wagtail sends ``published`` for every revision published (pages too, after ``page_published``); a live
    # copy of a page sends only ``page_published`` and is rightly not counted as a review.
    if is_owned(instance):
        record_review(instance)


def register_signal_handlers():
    published.connect(on_published, dispatch_uid="ownership_publish_is_review")
