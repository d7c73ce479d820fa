"""What every content page type of the suite shares."""

from wagtail.models import Page

from cms.ownership.models import OwnedPageMixin


class ContentPage(OwnedPageMixin, Page):
    """Abstract base of the citizen-facing page types: a Wagtail page with an owner and a review rule."""

    class Meta:
        abstract = True
