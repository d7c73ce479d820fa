from django import template

from cms.ownership.owned_types import is_owned
from cms.ownership.schedule import local_date

register = template.Library()


@register.simple_tag
def page_ownership(page) -> dict | None:
    """Owner unit (with its contacts link, if it has one) and the «актуальна на» date of a content page."""
    if page is None or not is_owned(page):
        return None
    unit = page.owner_unit
    get_url = getattr(unit, "get_absolute_url", None)
    unit_url = (get_url() or "") if callable(get_url) else ""
    as_of = local_date(page.last_reviewed_at or page.last_published_at)
    if unit is None and as_of is None:
        return None
    return {"unit": unit, "unit_url": unit_url, "as_of": as_of}
