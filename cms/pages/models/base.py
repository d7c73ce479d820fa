"""What every content page type of the suite shares."""

from wagtail.models import Page

from cms.ownership.models import OwnedPageMixin
from cms.ownership.panels import EditHandlerWithOwnershipTab


class ContentPage(OwnedPageMixin, Page):
    """Abstract base of the citizen-facing page types: a Wagtail page with an owner and a review rule."""

    # Content / Promote / Settings of each page type, plus «Ответственность и сроки» from the mixin.
    edit_handler = EditHandlerWithOwnershipTab()

    class Meta:
        abstract = True
