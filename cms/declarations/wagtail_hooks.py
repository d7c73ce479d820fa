"""Registration only: admin registries, the import page, the proposals inbox, API endpoints and demo data."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from cms.declarations.inbox import ProposalInbox
from cms.declarations.views.admin import IMPORT_PERMISSIONS, IndicatorViewSet

register_snippet(IndicatorViewSet)
modeladmin_register(ProposalInbox)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("declarations/", include("cms.declarations.admin_urls", namespace="declarations_admin"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return all(request.user.has_perm(p) for p in IMPORT_PERMISSIONS)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import indicators"), reverse("declarations_admin:import_indicators"), icon_name="upload", order=311
    )


@hooks.register("register_api_endpoints")
def register_api_endpoints():
    from cms.declarations.api import ENDPOINTS

    return ENDPOINTS


@hooks.register("bootstrap_demo_content")
def fill_demo_content(pages):
    from cms.declarations.demo import fill

    return fill(pages)
