"""The registry frame: mounted from the hook, paginated, validated, conditional, cached; units are the first."""

import pytest
from django.urls import include, path
from rest_framework import serializers, viewsets
from wagtail import hooks
from wagtail.documents import get_document_model

from cms.api.registry import FilterParam, registered_endpoints, registry_urls
from cms.snippets.models import ResponsibleUnit
from tests.api.conftest import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(db):
    return [
        ResponsibleUnit.objects.create(name="Главный юрисконсульт", slug="jurist", email="jurist@example.org"),
        ResponsibleUnit.objects.create(name="Управление информационных ресурсов", slug="info", sort_order=1),
    ]


def test_units_are_listed_and_served(client, units):
    data = client.get("/api/v2/units/").json()
    assert data["count"] == 2
    assert [item["slug"] for item in data["results"]] == ["jurist", "info"]
    assert data["results"][0]["email"] == "jurist@example.org"
    detail = client.get(f"/api/v2/units/{units[1].pk}/").json()
    assert detail["name"] == "Управление информационных ресурсов"


def test_units_filters_and_pagination(client, units):
    assert [u["slug"] for u in client.get("/api/v2/units/", {"slug": "info"}).json()["results"]] == ["info"]
    assert [u["slug"] for u in client.get("/api/v2/units/", {"name": "юрисконсульт"}).json()["results"]] == ["jurist"]
    page = client.get("/api/v2/units/", {"limit": 1, "offset": 1}).json()
    assert [u["slug"] for u in page["results"]] == ["info"] and page["previous"]


def test_conditional_get_and_cache_headers(client, units):
    first = client.get("/api/v2/units/")
    assert first["ETag"].startswith('"')
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    assert client.get("/api/v2/units/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    ResponsibleUnit.objects.filter(pk=units[0].pk).update(phone="+7 (38532) 5-10-05")
    changed = client.get("/api/v2/units/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_pages_endpoint_is_conditional_too(client, home_page):
    first = client.get("/api/v2/pages/")
    assert client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


class DocumentRegistrySerializer(serializers.ModelSerializer):
    class Meta:
        model = get_document_model()
        fields = ["id", "title", "created_at"]


class DocumentRegistry(viewsets.ReadOnlyModelViewSet):
    queryset = get_document_model().objects.order_by("pk")
    serializer_class = DocumentRegistrySerializer
    filter_params = {"created_after": FilterParam(serializers.DateTimeField(), "created_at__gte")}
    last_modified_field = "created_at"


def test_an_area_registers_a_viewset_and_the_frame_mounts_it(client, settings, db):
    import sys
    import types

    with hooks.register_temporarily("register_api_endpoints", lambda: [("test-docs", DocumentRegistry)]):
        assert ("test-docs", DocumentRegistry) in registered_endpoints()
        module = types.ModuleType("test_registry_urls")
        module.urlpatterns = [path("api/v2/", include(registry_urls()))]
        sys.modules["test_registry_urls"] = module
        settings.ROOT_URLCONF = "test_registry_urls"
        document = make_document()
        response = client.get("/api/v2/test-docs/")
        assert response.json()["results"][0]["title"] == document.title
        assert response["Last-Modified"]
        assert client.get("/api/v2/test-docs/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
        bad = client.get("/api/v2/test-docs/", {"created_after": "вчера"})
        assert bad.status_code == 400 and "created_after" in bad.json()["message"]
        assert client.get("/api/v2/test-docs/", {"created_after": "2000-01-01T00:00:00Z"}).json()["count"] == 1


def test_a_reserved_or_duplicate_prefix_is_refused(db):
    from django.core.exceptions import ImproperlyConfigured

    with hooks.register_temporarily("register_api_endpoints", lambda: [("pages", DocumentRegistry)]):
        with pytest.raises(ImproperlyConfigured):
            registered_endpoints()
