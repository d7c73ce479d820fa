"""API v2 endpoints of Wagtail's pages, images and documents, inside the frame (cms/api/frame.py).

Only live, public pages (Wagtail's default queryset) and documents/images outside view-restricted collections.
"""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from cms.ownership.models import OwnedPageMixin

from .frame import ConditionalMixin, HardenedErrorsMixin
from .serializers import CitizenDocumentSerializer, CitizenImageSerializer, CitizenPageSerializer

# SQLite and PostgreSQL both store OFFSET/LIMIT as signed 64-bit integers.
MAX_OFFSET = 2**62
SEARCH_OPERATORS = ("and", "or")


def restricted_collection_ids():
    """Collections under any view restriction, with all their descendants."""
    ids = set()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        ids.update(restriction.collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


class CheckedParametersMixin(HardenedErrorsMixin, ConditionalMixin):
    def check_query_parameters(self, queryset):
        params = self.request.GET
        for name in ("offset", "limit"):
            value = params.get(name)
            if value is None:
                continue
            if not value.isascii() or not value.isdigit():
                raise BadRequestError(f"{name} must be a non-negative integer")
            if int(value) > MAX_OFFSET:
                raise BadRequestError(f"{name} is too large")
        operator = params.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        search = params.get("search")
        if search is not None:
            if len(search) > 255:
                raise BadRequestError("search is longer than 255 characters")
            if search.count('"') % 2:
                # The search backends parse quotes as phrases; SQLite's FTS5 fails on an unclosed one.
                raise BadRequestError("search has an unbalanced double quote")
        return super().check_query_parameters(queryset)


class CitizenPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    """Live, public pages only (Wagtail's default), with each page type's ``api_fields`` (ownership included)."""

    base_serializer_class = CitizenPageSerializer

    def get_queryset(self):
        queryset = super().get_queryset()
        model = queryset.model
        related = list(getattr(model, "api_select_related", ()))
        if issubclass(model, OwnedPageMixin):
            # The ownership fields are serialised for every listed page: join the record rather than a query each.
            related += ["ownership__owner_unit", "ownership__official"]
        if related:
            queryset = queryset.select_related(*related)
        # A page type lists what its api_fields read from other tables (e.g. tags) as ``api_prefetch_related``.
        prefetch = getattr(model, "api_prefetch_related", ())
        return queryset.prefetch_related(*prefetch) if prefetch else queryset

    def paginate_queryset(self, queryset):
        pages = super().paginate_queryset(queryset)
        if issubclass(queryset.model, OwnedPageMixin):
            for page in pages:
                # Hand the joined record to the mixin, whose ``ownership_record`` would otherwise query per page.
                try:
                    page.__dict__["ownership_record"] = page.ownership
                except ObjectDoesNotExist:
                    page.__dict__["ownership_record"] = None
        return pages


class CitizenImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    base_serializer_class = CitizenImageSerializer

    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collection_ids()).prefetch_related("tags")


class CitizenDocumentsAPIViewSet(CheckedParametersMixin, DocumentsAPIViewSet):
    """Documents outside private collections, each with its format and size."""

    base_serializer_class = CitizenDocumentSerializer
    meta_fields = DocumentsAPIViewSet.meta_fields + ["file"]
    listing_default_fields = DocumentsAPIViewSet.listing_default_fields + ["file"]

    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collection_ids()).prefetch_related("tags")
