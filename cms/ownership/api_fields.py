"""What the headless API exposes about ownership (``api_fields`` of the page mixin)."""

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


def _datetime():
    from rest_framework import serializers

    return serializers.DateTimeField(read_only=True)


def _text():
    from rest_framework import serializers

    return serializers.CharField(read_only=True)


def ownership_api_fields() -> list:
    # Read from the page's Ownership record (properties of the mixin), not from page columns.
    return [
        LazyAPIField("owner_unit", _owner_unit),
        LazyAPIField("review_rule", _text),
        LazyAPIField("last_reviewed_at", _datetime),
        LazyAPIField("review_due", _date),
        LazyAPIField("information_current_as_of", _date),
    ]
