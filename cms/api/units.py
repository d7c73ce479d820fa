"""The first registry: the administration's responsible units (roadmap 1.1), read-only."""

from django.contrib.contenttypes.models import ContentType
from rest_framework import serializers, viewsets
from wagtail.models import Page

from cms.snippets.models import UNITS_PAGE_MODEL, ResponsibleUnit

from .html import base_url_of, display_html
from .registry import FilterParam


class ResponsibleUnitSerializer(serializers.ModelSerializer):
    duties = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = ResponsibleUnit
        fields = ["id", "slug", "name", "short_name", "head", "email", "phone", "duties", "url"]

    def get_duties(self, unit) -> str:
        return display_html(unit.duties, base_url_of(self.context["request"]), expand=True)

    def get_url(self, unit) -> str | None:
        page_url = self.context.get("units_page_url")
        return f"{page_url}#{unit.anchor}" if page_url else None


class ResponsibleUnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Units that publish information and answer for it, in the administration's order."""

    queryset = ResponsibleUnit.objects.order_by("sort_order", "name", "pk")
    serializer_class = ResponsibleUnitSerializer
    filter_params = {
        "slug": FilterParam(serializers.SlugField(max_length=100), "slug", "the unit's stable code"),
        "name": FilterParam(serializers.CharField(max_length=255), "name__icontains", "part of the name"),
    }

    def get_serializer_context(self):
        # The units page is looked up once per answer (ResponsibleUnit.get_absolute_url would do it per unit).
        context = super().get_serializer_context()
        content_type = ContentType.objects.filter(app_label=UNITS_PAGE_MODEL[0], model=UNITS_PAGE_MODEL[1]).first()
        page = Page.objects.live().public().filter(content_type=content_type).order_by("path").first()
        url = page.get_url(request=self.request) if page else None
        context["units_page_url"] = self.request.build_absolute_uri(url) if url else None
        return context
