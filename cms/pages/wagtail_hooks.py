"""Registrations only: the navigation's batch sharing for in-process batch renders (see cms/linkcheck/batch.py)."""

from wagtail import hooks

from .navigation import shared_navigation


@hooks.register("batch_render")
def share_navigation_in_batch_render(pages):
    return shared_navigation()
