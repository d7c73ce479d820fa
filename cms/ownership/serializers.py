"""The DRF fields of the ownership data in the headless API (built lazily by `cms.ownership.api`)."""

from rest_framework import serializers


class OwnerUnitField(serializers.Field):
    """The owner unit as citizens see it: name, contacts and the link to its entry on the site."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, unit):
        return {
            "id": unit.pk,
            "name": unit.name,
            "short_name": unit.short_name,
            "email": unit.email,
            "phone": unit.phone,
            "url": self.unit_url(unit),
        }

    def unit_url(self, unit) -> str | None:
        # Looking the unit's page up costs a query: do it once per unit per request, not once per listed page.
        request = self.context.get("request")
        cache = getattr(request, "_ownership_unit_urls", None) if request is not None else None
        if cache is None:
            cache = {}
            if request is not None:
                request._ownership_unit_urls = cache
        if unit.pk not in cache:
            get_url = getattr(unit, "get_absolute_url", None)
            cache[unit.pk] = (get_url() or None) if callable(get_url) else None
        return cache[unit.pk]
