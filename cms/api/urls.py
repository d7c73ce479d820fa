"""The headless API (mounted at /api/ by cms/urls.py): v2 endpoints, the newspaper feed, the schema and its docs.

No namespace here: Wagtail's router reverses its own ``wagtailapi`` namespace for ``detail_url``.
"""

from django.urls import include, path

from .feed_views import NewspaperFeedView
from .registry import registry_urls
from .router import api_router
from .schema import SchemaView, documentation
from .syndication import NewspaperAtomFeed, NewspaperRssFeed

urlpatterns = [
    path("v2/feed/", NewspaperFeedView.as_view(), name="api-feed"),
    path("v2/feed/atom/", NewspaperAtomFeed(), name="api-feed-atom"),
    path("v2/feed/rss/", NewspaperRssFeed(), name="api-feed-rss"),
    path("v2/", include(registry_urls())),
    path("v2/", api_router.urls),
    path("schema/", SchemaView.as_view(), name="api-schema"),
    path("docs/", documentation, name="api-docs"),
]
