from django.conf import settings
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.pages.views import accessibility_settings, site_map
from search import urls as search_urls


class FaviconRedirect(RedirectView):
    # The static URL is resolved per request: at import time the production manifest may not exist yet.
    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("favicon.ico")


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/", include("cms.api.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include(search_urls)),
    path("accessibility/", accessibility_settings, name="accessibility"),
    path("sitemap/", site_map, name="site_map"),
    # Browsers and crawlers ask for /favicon.ico whatever the page says.
    path("favicon.ico", FaviconRedirect.as_view()),
    # Each content area's non-page URLs (forms' endpoints, feeds, downloads); empty until the area fills them.
    path("", include("cms.submissions.urls")),
    path("", include("cms.anticorruption.urls")),
    path("", include("cms.faq.urls")),
    path("", include("cms.councils.urls")),
    path("", include("cms.declarations.urls")),
    path("", include("cms.news.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
]

if settings.DEBUG:
    # Not named ``static``: that name is the favicon's static-URL function above, called per request.
    from django.conf.urls.static import static as served_from

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += served_from(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
