"""Keep the newspaper feed in step with the pages: every change that affects a material moves its entry."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import feed
from .models import FeedEntry, FeedMaterialMixin

Reason = FeedEntry.Reason


def on_published(sender, instance, **kwargs):
    if isinstance(instance, FeedMaterialMixin):
        feed.sync_page(instance.pk)


def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, FeedMaterialMixin):
        feed.sync_page(instance.pk)


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        feed.withdraw(instance.pk, Reason.DELETED)


def on_moved(sender, instance, **kwargs):
    feed.sync_subtree(instance, hint=Reason.MOVED)


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        feed.sync_subtree(page)


def connect():
    page_published.connect(on_published, dispatch_uid="cms.api.feed.published")
    page_unpublished.connect(on_unpublished, dispatch_uid="cms.api.feed.unpublished")
    post_delete.connect(on_deleted, dispatch_uid="cms.api.feed.deleted")
    post_page_move.connect(on_moved, dispatch_uid="cms.api.feed.moved")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="cms.api.feed.restricted")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="cms.api.feed.unrestricted")
