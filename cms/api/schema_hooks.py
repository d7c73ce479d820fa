"""drf-spectacular hooks: the schema describes the public API under /api/, not Wagtail's admin API."""


def public_endpoints_only(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
