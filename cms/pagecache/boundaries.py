"""When a cached page must stop being served although nothing was written: what the pages show changes with time.

Writes expire every cached page at once (the site's content stamp, cms/api/versions.py). Time does not write: a
meeting moves from «upcoming» to «past» when it starts, an expertise window opens at midnight, a page becomes
overdue the day after its review date. An area that shows such things registers a function under the Wagtail hook
``page_cache_boundaries``; it is called with the current time and returns the next moment (an aware datetime) at
which its pages change by themselves, or None. A cached page is served until the earliest of these moments.

Every page changes at local midnight (dates, «overdue», windows measured in days), so that moment is always one.
The earliest moment is computed once per content stamp and remembered in the cache beside the pages.
"""

from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.utils import timezone
from wagtail import hooks

HOOK = "page_cache_boundaries"


def next_midnight(now: datetime) -> datetime:
    """The start of the next local day (TIME_ZONE), as an aware datetime."""
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time.min))


def next_boundary(now: datetime) -> datetime:
    """The earliest moment after ``now`` at which some page changes without a write."""
    moments = [next_midnight(now)]
    for find_next in hooks.get_hooks(HOOK):
        moment = find_next(now)
        if moment is not None and moment > now:
            moments.append(moment)
    return min(moments)


def valid_until(stamp: str, now: datetime) -> datetime:
    """``next_boundary``, remembered per content stamp: a write may move it, and then the stamp changes too."""
    key = f"pagecache:boundary:{stamp}"
    remembered = cache.get(key)
    if isinstance(remembered, datetime) and remembered > now:
        return remembered
    moment = next_boundary(now)
    cache.set(key, moment, timeout=max(1, int((moment - now).total_seconds()) + 1))
    return moment
