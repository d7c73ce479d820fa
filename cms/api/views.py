"""API v2 endpoints, hardened: bad paging or search input answers 400 with a reason instead of a 500."""

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from cms.ownership.models import OwnedPageMixin

# SQLite and PostgreSQL both store OFFSET/LIMIT as signed 64-bit integers.
MAX_OFFSET = 2**62


class CheckedParametersMixin:
    def check_query_parameters(self, queryset):
        for name, value in self.request.GET.items():
            if "\x00" in value or "\x00" in name:
                raise BadRequestError(f"{name}: NUL characters are not allowed")
        offset = self.request.GET.get("offset")
        if offset is not None and offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError("offset is too large")
        return super().check_query_parameters(queryset)


class CitizenPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    """Live, public pages only (Wagtail's default), with each page type's ``api_fields`` (ownership included)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if issubclass(queryset.model, OwnedPageMixin):
            # The ownership fields are serialised for every listed page: join the record rather than a query each.
            queryset = queryset.select_related("ownership__owner_unit")
        return queryset
