"""The registry frame (contract 5): areas register read-only DRF viewsets; the frame mounts and dresses them.

An area's ``wagtail_hooks.py``::

    @hooks.register("register_api_endpoints")
    def endpoints():
        return [("faq", FaqEntryViewSet)]

Each viewset is mounted at ``/api/v2/<prefix>/`` (list) and ``/api/v2/<prefix>/<pk>/`` (detail) with limit/offset
pagination, validation of every query parameter (unknown ones and malformed values answer 400 with a reason),
ETag/Last-Modified/304 (decided from the site's content stamp, cms/api/versions.py), cache headers, anonymous
throttling and a place in the OpenAPI schema.

A viewset declares its filters as ``filter_params = {"name": FilterParam(serializer field, "orm__lookup")}``;
values are validated by the field (400 on failure) and applied as ``queryset.filter(lookup=value)``. A viewset
that filters by itself lists the parameters it reads in ``extra_query_params``. ``last_modified_field`` names a
datetime field whose maximum over the answer becomes ``Last-Modified``.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Max
from django.utils import timezone
from rest_framework import serializers
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.routers import SimpleRouter
from wagtail import hooks

from .frame import BadRequest, ConditionalMixin, HardenedErrorsMixin
from .versions import content_version

HOOK = "register_api_endpoints"
PREFIX = re.compile(r"^[a-z][a-z0-9-]{0,48}$")
RESERVED = frozenset({"pages", "images", "documents", "feed"})
MAX_LIMIT = 100


@dataclass(frozen=True)
class FilterParam:
    field: serializers.Field
    lookup: str
    description: str = ""


class RegistryPagination(LimitOffsetPagination):
    default_limit = 20
    max_limit = MAX_LIMIT

    def paginate_queryset(self, queryset, request, view=None):
        for name in (self.limit_query_param, self.offset_query_param):
            value = request.query_params.get(name)
            if value is not None and (not value.isascii() or not value.isdigit() or len(value) > 12):
                raise BadRequest(f"{name} must be a non-negative integer")
        limit = request.query_params.get(self.limit_query_param)
        if limit is not None and not 1 <= int(limit) <= self.max_limit:
            raise BadRequest(f"limit must be from 1 to {self.max_limit}")
        return super().paginate_queryset(queryset, request, view)


class RegistryFrameMixin(HardenedErrorsMixin, ConditionalMixin):
    # The frame comes first in the MRO: what the area's viewset declares (filter_params, extra_query_params,
    # last_modified_field) is read with getattr, never given a default here that would hide it.
    pagination_class = RegistryPagination
    BASE_PARAMS = frozenset({"limit", "offset", "format"})

    def cheap_etag(self, request):
        # The 304 is decided from the site's content stamp (cms/api/versions.py: one single-row read; every write
        # to the data bumps it) before DRF parses the request or builds a queryset, serialiser or pagination.
        # The answer also depends on the day (date-dependent fields), the host (absolute URLs), the negotiated
        # format and the language. bench/api_bench.py, same machine and settings: a units 304 went from 130 req/s
        # (0.21x the bare view; the whole answer was serialised, then hashed) to 558 req/s (0.65x).
        return "|".join(
            (
                "registry",
                content_version(),
                timezone.localdate().isoformat(),
                request.scheme,
                request.get_host(),
                request.headers.get("Accept", ""),
                getattr(request, "LANGUAGE_CODE", ""),
            )
        )

    def known_params(self):
        return self.BASE_PARAMS | set(self._filter_params()) | set(getattr(self, "extra_query_params", ()))

    def _filter_params(self) -> dict:
        return getattr(self, "filter_params", {})

    def filter_queryset(self, queryset):
        params = self.request.query_params
        unknown = sorted(set(params) - self.known_params())
        if unknown:
            known = ", ".join(sorted(self.known_params()))
            raise BadRequest(f"unknown parameters: {', '.join(unknown)[:200]}; known: {known}")
        for name, spec in self._filter_params().items():
            if name not in params:
                continue
            field = spec.field.__class__(*spec.field._args, **spec.field._kwargs)  # a fresh, unbound copy
            try:
                value = field.run_validation(params[name])
            except serializers.ValidationError as exc:
                raise BadRequest(f"{name}: {'; '.join(str(m) for m in exc.detail)}") from exc
            queryset = queryset.filter(**{spec.lookup: value})
        queryset = super().filter_queryset(queryset)
        field = getattr(self, "last_modified_field", None)
        if field:
            self.last_modified = queryset.aggregate(latest=Max(field))["latest"]
        return queryset


def framed(viewset):
    """``viewset`` dressed by the frame (the frame's methods run first)."""
    return type(f"Framed{viewset.__name__}", (RegistryFrameMixin, viewset), {"__module__": viewset.__module__})


def registered_endpoints() -> list[tuple[str, type]]:
    endpoints = []
    seen = set()
    for hook in hooks.get_hooks(HOOK):
        for prefix, viewset in hook():
            if not PREFIX.match(prefix) or prefix in RESERVED or prefix in seen:
                raise ImproperlyConfigured(f"register_api_endpoints: bad or duplicate prefix {prefix!r}")
            seen.add(prefix)
            endpoints.append((prefix, viewset))
    return endpoints


def registry_urls():
    router = SimpleRouter()
    for prefix, viewset in registered_endpoints():
        router.register(prefix, framed(viewset), basename=f"registry-{prefix}")
    return router.urls
