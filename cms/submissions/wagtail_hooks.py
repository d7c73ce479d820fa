from django.urls import include, path
from wagtail import hooks

from . import admin_urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    # Under /admin/: Wagtail's admin login protects the prefix; the view also checks the inbox permission.
    return [path("submissions/", include(admin_urls))]
