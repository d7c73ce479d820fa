"""Admin menu edits: the settings menu's «Wagtail v8.0.1» footer and the help menu's links to wagtail.org
(«What's new in Wagtail», the English editor guide) are Wagtail's branding, not the municipality's."""


def drop_wagtail_version(menu_items) -> None:
    for item in menu_items:
        if getattr(item, "footer_text", "").startswith("Wagtail"):
            item.footer_text = ""


def drop_wagtail_links(menu_items) -> None:
    menu_items[:] = [
        item for item in menu_items if not (item.name.startswith("whats-new-in-wagtail") or item.name == "editor-guide")
    ]
