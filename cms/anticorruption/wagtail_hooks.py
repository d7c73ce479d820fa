"""Registrations only: admin registries, inboxes, the import view, API endpoints and demo content."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from . import views
from .admin_views import AnticorruptionGroup
from .inbox import CorruptionReportInbox, ExpertConclusionInbox

register_snippet(AnticorruptionGroup)
modeladmin_register(CorruptionReportInbox)
modeladmin_register(ExpertConclusionInbox)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("anticorruption/import/", views.import_disclosures, name="anticorruption_import"),
        path("anticorruption/import/template.<str:fmt>", views.import_template, name="anticorruption_import_template"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("anticorruption.add_disclosurerow")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import disclosures"), reverse("anticorruption_import"), icon_name="upload", order=251)


@hooks.register("register_api_endpoints")
def register_api_endpoints():
    from .api import ENDPOINTS

    return ENDPOINTS


@hooks.register("bootstrap_demo_content")
def fill_demo_content(pages):
    from .demo import fill

    return fill(pages)
