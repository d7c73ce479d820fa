"""What the headless API exposes about ownership (used as ``api_fields`` on the mixin)."""

from functools import cached_property

from wagtail.api import APIField


class LazyAPIField(APIField):
    """An APIField whose DRF serializer is built when the API first asks for it.

    The fields are declared when the page models are, in every process; importing DRF's serializers there (and
    psycopg, through DRF's compat module) added about 0.15 s to each start, for processes that mostly never
    serve the API.
    """

    def __init__(self, name, serializer_factory):
        super().__init__(name)
        del self.serializer  # the instance attribute would hide the lazy property
        self._serializer_factory = serializer_factory

    @cached_property
    def serializer(self):
        return self._serializer_factory()


def _owner_unit():
    from cms.ownership.serializers import OwnerUnitField

    return OwnerUnitField()


def _date():
    from rest_framework import serializers

    return serializers.DateField(read_only=True)


def ownership_api_fields() -> list:
    return [
        LazyAPIField("owner_unit", _owner_unit),
        APIField("review_rule"),
        APIField("last_reviewed_at"),
        APIField("review_due"),
        LazyAPIField("information_current_as_of", _date),
    ]
