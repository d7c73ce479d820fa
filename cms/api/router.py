"""The headless API's router: mounted at /api/v2/ by cms/urls.py."""

from wagtail.api.v2.router import WagtailAPIRouter

from cms.api.views import CitizenPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CitizenPagesAPIViewSet)
