"""Template tags of the citizen site: main navigation, breadcrumbs and the accessibility panel.

Each tag runs a fixed number of queries whatever the size of the tree, and reuses what Wagtail caches on
the request (the site, the site root paths) so URLs cost no query per link.
"""

from django import template
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from cms.pages.navigation import ancestor_trail, menu_items
from cms.pages.views import OPTIONS, accessibility_mode, html_classes, safe_next

register = template.Library()


def _site_root(request) -> Page | None:
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site is not None else None


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The home page's live, public children shown in menus, marking the section the current page belongs to."""
    request = context.get("request")
    root = _site_root(request)
    current = context.get("page")
    items = []
    if root is not None:
        for item in menu_items(root, request):
            is_current = current is not None and current.pk == item.pk
            in_section = current is not None and current.path.startswith(item.path)
            items.append({"title": item.title, "url": item.url, "current": is_current, "in_section": in_section})
    return {"items": items}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current_title=""):
    """The trail from the site's home page to the current page (or to a non-page view titled ``current_title``)."""
    request = context.get("request")
    page = context.get("page")
    root = _site_root(request)
    trail = []
    if root is not None:
        if isinstance(page, Page) and page.path.startswith(root.path):
            trail = [{"title": title, "url": url} for title, url in ancestor_trail(page, root, request)]
            trail.append({"title": page.title, "url": page.get_url(request), "current": True})
        else:
            trail = [{"title": root.title, "url": root.get_url(request)}]
            if current_title:
                trail.append({"title": current_title, "url": request.path, "current": True})
    return {"trail": trail}


@register.simple_tag(takes_context=True)
def accessibility_classes(context) -> str:
    """Classes for <html> applying the visitor's «version for the visually impaired» preferences."""
    return html_classes(accessibility_mode(context.get("request")))


@register.inclusion_tag("includes/accessibility_panel.html", takes_context=True)
def accessibility_panel(context):
    """The mode switch, and while the mode is on, links for font size, colours and images."""
    request = context.get("request")
    mode = accessibility_mode(request)
    if request is None:
        return {"mode": mode, "options": OPTIONS, "here": "/"}
    # On the settings page the panel returns to the page the visitor came from, never to the settings page.
    on_settings_page = request.path == reverse("accessibility")
    here = safe_next(request, context.get("next", "")) if on_settings_page else request.get_full_path()
    return {"mode": mode, "options": OPTIONS, "here": here, "on_settings_page": on_settings_page}


@register.filter
def datetime_attr(value) -> str:
    """A valid HTML `datetime` attribute: local time to the second with its offset (`|date:"c"` adds microseconds,
    which the HTML standard does not allow)."""
    if not value:
        return ""
    if hasattr(value, "hour") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat() if hasattr(value, "microsecond") else value.isoformat()
