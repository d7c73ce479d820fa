"""The admin's name for the municipality (WAGTAIL_SITE_NAME) in templates that get no `site_name` in context."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def admin_site_name() -> str:
    return getattr(settings, "WAGTAIL_SITE_NAME", "")
