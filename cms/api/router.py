"""Wagtail's API v2 router: pages, images, documents (mounted at /api/v2/ by cms/api/urls.py)."""

from wagtail.api.v2.router import WagtailAPIRouter

from cms.api.views import CitizenDocumentsAPIViewSet, CitizenImagesAPIViewSet, CitizenPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CitizenPagesAPIViewSet)
api_router.register_endpoint("images", CitizenImagesAPIViewSet)
api_router.register_endpoint("documents", CitizenDocumentsAPIViewSet)
