"""The OpenAPI 3 schema (drf-spectacular) and a server-rendered page documenting it (no JavaScript, no CDN)."""

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularAPIView

METHODS = ("get", "head", "post", "put", "patch", "delete")


class SchemaView(SpectacularAPIView):
    """``/api/schema/``: YAML by default, JSON with ``?format=json``."""


def public_schema(request=None) -> dict:
    return SchemaGenerator().get_schema(request=request, public=True)


def documentation(request):
    schema = public_schema()  # the public contract, the same whoever asks
    operations = []
    for path, item in sorted(schema.get("paths", {}).items()):
        for method in METHODS:
            if method in item:
                operation = item[method]
                operations.append(
                    {
                        "method": method.upper(),
                        "path": path,
                        "summary": operation.get("summary") or operation.get("description", ""),
                        "parameters": operation.get("parameters", []),
                        "anchor": operation.get("operationId", ""),
                    }
                )
    return render(request, "api/docs.html", {"schema": schema, "operations": operations})
