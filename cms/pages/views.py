"""The «version for the visually impaired»: display preferences kept in the session, set with POST forms.

No JavaScript and no cookie of its own: every control is a button of a POST form to ``/accessibility/``, which
stores the choice in the session and sends the visitor back to the page they came from. GET only shows the
settings page and never writes the session, so a crawler following links creates no session rows, and no link
leads from the settings page to another address of itself.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page, Site

SESSION_KEY = "accessibility"

# Each option and its allowed values; the first value is the default of the mode.
OPTIONS = {
    "font": ("normal", "large", "huge"),
    "contrast": ("default", "black-on-white", "white-on-black", "blue"),
    "images": ("on", "off"),
}
# What «version for the visually impaired» switches on in one click.
MODE_ON = {"font": "large", "contrast": "black-on-white", "images": "on"}


def accessibility_mode(request) -> dict[str, str] | None:
    """The visitor's display preferences, or None when the ordinary version is shown."""
    session = getattr(request, "session", None)
    if session is None:
        return None
    mode = session.get(SESSION_KEY)
    if not isinstance(mode, dict):
        return None
    return {name: mode.get(name) if mode.get(name) in values else values[0] for name, values in OPTIONS.items()}


def html_classes(mode: dict[str, str] | None) -> str:
    """CSS classes for <html> that apply the preferences (see static/css/site.css)."""
    if not mode:
        return ""
    return " ".join(["a11y", *(f"a11y-{name}-{mode[name]}" for name in OPTIONS)])


def safe_next(request, target: str) -> str:
    """``target`` if it is a page of this site other than the settings page itself, else the home page."""
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    if not target or not allowed or target.split("?")[0].startswith(reverse("accessibility")):
        return "/"
    return target


# No CSRF token: a forged request could only change how the site looks to the visitor, and a token would put
# a cookie on every public page (the panel's forms are on every page).
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def accessibility_settings(request):
    """POST ``mode=on|off`` and/or ``font``/``contrast``/``images``, then return to ``next``; GET shows the form."""
    if request.method == "POST":
        requested_mode = request.POST.get("mode")
        changes = {name: request.POST[name] for name in OPTIONS if request.POST.get(name) in OPTIONS[name]}
        target = safe_next(request, request.POST.get("next", ""))
        if requested_mode == "off":
            request.session.pop(SESSION_KEY, None)
            return redirect(target)
        if requested_mode == "on" or changes:
            current = accessibility_mode(request) or dict(MODE_ON)
            current.update(changes)
            request.session[SESSION_KEY] = current
            return redirect(target)
    mode = accessibility_mode(request)
    context = {
        "mode": mode or dict(MODE_ON),
        "mode_active": mode is not None,
        "next": safe_next(request, request.GET.get("next", "")),
        "invalid": request.method == "POST" or not set(request.GET) <= {"next"},
        # Django keeps a session this long after its last change (SESSION_COOKIE_AGE, two weeks by default).
        "session_days": settings.SESSION_COOKIE_AGE // (24 * 3600),
    }
    return TemplateResponse(
        request, "accessibility/settings.html", context, status=400 if request.method == "POST" else 200
    )


def site_map(request):
    """The HTML site map for citizens: every live, public page of the site as a nested list (one query)."""
    site = Site.find_for_request(request)
    root = site.root_page if site is not None else None
    nodes = []
    if root is not None:
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(root)
            .order_by("path")
            .only("id", "path", "depth", "title", "url_path")
        )
        by_path = {}
        for page in pages:
            node = {"title": page.title, "url": page.get_url(request), "children": []}
            parent = by_path.get(page.path[: -Page.steplen])
            # A child of a page left out (not live, restricted) is left out with it.
            if page.pk == root.pk:
                nodes.append(node)
            elif parent is not None:
                parent["children"].append(node)
            else:
                continue
            by_path[page.path] = node
    return TemplateResponse(request, "pages/site_map.html", {"nodes": nodes})
