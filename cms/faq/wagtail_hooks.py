from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from cms.faq import admin_urls, demo
from cms.faq.admin_views import FaqEntryViewSet
from cms.faq.inbox import FaqQuestionInbox
from cms.faq.search_source import faq_search_source

register_snippet(FaqEntryViewSet)
modeladmin_register(FaqQuestionInbox)
hooks.register("bootstrap_demo_content", demo.fill)
hooks.register("register_search_sources", faq_search_source)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("faq/", include(admin_urls, namespace="faq_admin"))]


@hooks.register("register_api_endpoints")
def api_endpoints():
    from cms.faq.api import FaqEntryViewSet

    return [("faq", FaqEntryViewSet)]
