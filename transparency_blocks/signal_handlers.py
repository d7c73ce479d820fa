"""Receivers: the cached list of restricted collections is dropped when restrictions or collections change."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Collection, CollectionViewRestriction

from transparency_blocks.privacy import forget_restricted_collection_paths


def register_signal_handlers():
    for model in (CollectionViewRestriction, Collection):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_restricted_collection_paths, sender=model, dispatch_uid=f"tb-private-{model.__name__}"
            )
