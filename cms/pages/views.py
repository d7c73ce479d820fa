"""The «version for the visually impaired»: display preferences kept in the session, set with plain GET links.

No JavaScript and no cookie of its own: every control is a link or a GET form to ``/accessibility/``, which
stores the choice in the session and sends the visitor back to the page they came from.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme

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


def _safe_next(request) -> str:
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return target if target and allowed else "/"


def accessibility_settings(request):
    """Apply ``?mode=on|off`` and ``?font=&contrast=&images=`` and return to ``next``; else show the settings."""
    requested_mode = request.GET.get("mode")
    changes = {name: request.GET[name] for name in OPTIONS if request.GET.get(name) in OPTIONS[name]}
    if requested_mode == "off":
        request.session.pop(SESSION_KEY, None)
        return redirect(_safe_next(request))
    if requested_mode == "on" or changes:
        current = accessibility_mode(request) or dict(MODE_ON)
        current.update(changes)
        request.session[SESSION_KEY] = current
        return redirect(_safe_next(request))
    mode = accessibility_mode(request)
    context = {
        "mode": mode or dict(MODE_ON),
        "mode_active": mode is not None,
        "next": _safe_next(request),
        "invalid": bool(request.GET) and not set(request.GET) <= {"next"},
    }
    return TemplateResponse(request, "accessibility/settings.html", context)
