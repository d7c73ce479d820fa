"""The admin speaks for the municipality: no Wagtail version in the settings menu, no links to Wagtail's site."""

from wagtail import hooks

from cms.core.admin_menu import drop_wagtail_links, drop_wagtail_version


@hooks.register("construct_main_menu")
def hide_wagtail_version(request, menu_items):
    drop_wagtail_version(menu_items)


@hooks.register("construct_help_menu")
def hide_wagtail_release_links(request, menu_items):
    drop_wagtail_links(menu_items)
