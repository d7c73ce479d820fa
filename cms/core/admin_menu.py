"""Admin menu edits: the settings menu's «Wagtail v8.0.1» footer and the help menu's links to wagtail.org
(«What's new in Wagtail», the English editor guide) are Wagtail's branding, not the municipality's."""

from types import MethodType

from wagtail.admin.ui.sidebar import SubMenuItem as SubMenuItemComponent


def _render_without_version(self, request):
    # Wagtail's SettingsMenuItem.render_component() with an empty footer instead of "Wagtail v" + __version__.
    return SubMenuItemComponent(
        self.name,
        self.label,
        self.menu.render_component(request),
        icon_name=self.icon_name,
        classname=self.classname,
        footer_text="",
    )


def drop_wagtail_version(menu_items) -> None:
    for item in menu_items:
        if item.name == "settings" and hasattr(item, "menu"):
            item.render_component = MethodType(_render_without_version, item)


def drop_wagtail_links(menu_items) -> None:
    menu_items[:] = [
        item for item in menu_items if not (item.name.startswith("whats-new-in-wagtail") or item.name == "editor-guide")
    ]
