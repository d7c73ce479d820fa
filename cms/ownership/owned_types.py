"""Which models carry ownership (ownership never names them: it finds them through the mixins)."""

from django.apps import apps
from wagtail.models import Page

from cms.ownership.models import OwnedModelMixin, OwnedPageMixin


def owned_page_models() -> list[type]:
    """Concrete page models that use ``OwnedPageMixin``."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, OwnedPageMixin) and issubclass(model, Page) and not model._meta.abstract
    ]


def owned_entry_models() -> list[type]:
    """Concrete registry models whose entries carry their own owner (``OwnedModelMixin``)."""
    return [model for model in apps.get_models() if issubclass(model, OwnedModelMixin) and not model._meta.abstract]


def is_owned(obj) -> bool:
    return isinstance(obj, OwnedPageMixin | OwnedModelMixin)
