"""The section's API endpoints mounted as the API frame does (/api/v2/<prefix>/), for tests on this branch."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter
from wagtail import hooks

router = SimpleRouter()
for register in hooks.get_hooks("register_api_endpoints"):
    for prefix, viewset in register():
        router.register(prefix, viewset, basename=prefix)

from cms.urls import urlpatterns as site_urlpatterns  # noqa: E402

urlpatterns = [path("api/v2/", include(router.urls)), *site_urlpatterns]
