"""The admin speaks for the municipality (no Wagtail version, no links to wagtail.org) and its tables fit."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from cms.core.admin_labels import translate_wagtail_labels
from cms.core.admin_menu import drop_wagtail_links, drop_wagtail_version

translate_wagtail_labels()


@hooks.register("construct_main_menu")
def hide_wagtail_version(request, menu_items):
    drop_wagtail_version(menu_items)


@hooks.register("construct_help_menu")
def hide_wagtail_release_links(request, menu_items):
    drop_wagtail_links(menu_items)


@hooks.register("insert_global_admin_css")
def report_tables_css():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))
