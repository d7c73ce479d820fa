"""The newspaper feed's writer: turns a page change into a new position of its entry in the change stream.

Called by the signal handlers (publish, unpublish, delete, move, view restrictions). Readers are in
``feed_views.py``; the guarantee they rely on is documented in docs/api.md.
"""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from .html import display_html
from .models import FeedEntry, FeedMaterialMixin, FeedSequence
from .versions import read_counter

logger = logging.getLogger(__name__)

Reason = FeedEntry.Reason
RENDITIONS = {"large": "max-1200x1200", "medium": "max-640x640", "thumbnail": "fill-320x240"}


def next_sequence() -> int:
    """Take the next sequence number; the counter row stays locked until the caller's transaction ends.

    An UPDATE first (not SELECT ... FOR UPDATE then UPDATE) so SQLite takes its write lock at once too; writers
    therefore commit in the order of their numbers and a reader never sees a later number before an earlier one.
    """
    updated = FeedSequence.objects.filter(pk=1).update(value=F("value") + 1)
    if not updated:
        FeedSequence.objects.create(pk=1, value=1)
    return FeedSequence.objects.values_list("value", flat=True).get(pk=1)


def current_sequence() -> int:
    # A plain SELECT rather than the ORM: the feed's 304 is decided on this read alone (cms/api/versions.py).
    return read_counter(FeedSequence)


def is_restricted(page) -> bool:
    return PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def withdrawal_reason(page, hint: str | None = None) -> str | None:
    """Why ``page`` is not (or no longer) in the feed, or None when it belongs there."""
    if not page.live:
        return Reason.UNPUBLISHED
    if not page.for_newspaper:
        return Reason.UNFLAGGED
    if page.get_site() is None:
        return Reason.MOVED
    if is_restricted(page):
        return hint if hint == Reason.MOVED else Reason.RESTRICTED
    return None


def _owner(page):
    """(unit, official) from ownership, whichever form its public API has on this branch."""
    try:
        from cms.ownership import api as ownership

        owner = ownership.owner_of(page)
        return (owner.unit, owner.official) if owner else (None, None)
    except AttributeError:
        return getattr(page, "owner_unit", None), getattr(page, "official", None)


def _image(image, alt, base):
    renditions = {}
    for name, spec in RENDITIONS.items():
        rendition = image.get_rendition(spec)
        renditions[name] = {
            "url": display_html(f' src="{rendition.url}"', base)[6:-1],
            "width": rendition.width,
            "height": rendition.height,
        }
    return {"id": image.pk, "alt": alt, "width": image.width, "height": image.height, "renditions": renditions}


def build_payload(page) -> dict:
    """Everything the newspaper prints: absolute URLs, display HTML, renditions with alt text, unit, author."""
    site = page.get_site()
    base = site.root_url if site else ""
    unit, official = _owner(page)
    published = page.feed_published_at()
    payload = {
        "type": f"{page._meta.app_label}.{type(page).__name__}",
        "title": page.title,
        "url": page.get_full_url(),
        "published_at": published.isoformat() if published else None,
        "updated_at": (page.last_published_at or published).isoformat()
        if (page.last_published_at or published)
        else None,
        "lead": page.feed_lead(),
        "body_html": display_html(page.feed_body_html(), base, expand=True),
        "images": [_image(image, alt, base) for image, alt in page.feed_images() if image is not None],
        "tags": page.feed_tags(),
        "unit": {"name": unit.name, "short_name": unit.short_name, "email": unit.email} if unit else None,
        "author": (official.get_full_name() or None) if official else None,
    }
    payload.update(page.feed_extra())
    return payload


def _write(entry: FeedEntry | None, page_id: int, *, state: str, reason: str, payload: dict) -> FeedEntry:
    sequence = next_sequence()
    now = timezone.now()
    if entry is None:
        entry = FeedEntry(page_id=page_id, version=0)
    entry.sequence = sequence
    entry.version += 1
    entry.state = state
    entry.reason = reason
    entry.changed_at = now
    entry.payload = payload
    entry.save()
    from .webhooks import notify  # the webhook module imports tasks; keep the writer importable without them

    notify(entry)
    return entry


def sync_page(page_or_id, *, hint: str | None = None) -> FeedEntry | None:
    """Bring the page's feed entry in line with the page; returns the entry when it changed, else None."""
    page_id = page_or_id if isinstance(page_or_id, int) else page_or_id.pk
    with transaction.atomic():
        page = Page.objects.filter(pk=page_id).first()
        page = page.specific if page is not None else None
        entry = FeedEntry.objects.filter(page_id=page_id).first()
        if page is None:
            return withdraw(page_id, Reason.DELETED)
        if not isinstance(page, FeedMaterialMixin):
            return None
        reason = withdrawal_reason(page, hint)
        if reason is None:
            payload = build_payload(page)
            if entry is not None and entry.state == FeedEntry.State.LIVE and entry.payload == payload:
                return None  # republished without a change the newspaper could see
            return _write(entry, page_id, state=FeedEntry.State.LIVE, reason="", payload=payload)
        if entry is None or (entry.state == FeedEntry.State.WITHDRAWN and entry.reason == reason):
            return None  # never in the feed, or already withdrawn for this reason
        return _write(entry, page_id, state=FeedEntry.State.WITHDRAWN, reason=reason, payload={})


def withdraw(page_id: int, reason: str) -> FeedEntry | None:
    with transaction.atomic():
        entry = FeedEntry.objects.filter(page_id=page_id).first()
        if entry is None or (entry.state == FeedEntry.State.WITHDRAWN and entry.reason == reason):
            return None
        return _write(entry, page_id, state=FeedEntry.State.WITHDRAWN, reason=reason, payload={})


def sync_subtree(page, hint: str | None = None) -> None:
    """Re-evaluate every feed material at or below ``page`` (a move or a view restriction affects them all)."""
    ids = list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    for page_id in FeedEntry.objects.filter(page_id__in=ids).values_list("page_id", flat=True):
        sync_page(page_id, hint=hint)
    # Materials below that never entered the feed may now belong to it (moved into a public section).
    for candidate in (
        Page.objects.descendant_of(page, inclusive=True).live().exclude(pk__in=FeedEntry.objects.values("page_id"))
    ):
        specific = candidate.specific
        if isinstance(specific, FeedMaterialMixin) and specific.for_newspaper:
            sync_page(candidate.pk)


def rebuild() -> int:
    """Bring every material in line (after an import or a restore); returns how many entries changed."""
    changed = 0
    known = set(FeedEntry.objects.values_list("page_id", flat=True))
    for page in Page.objects.live().specific():
        if isinstance(page, FeedMaterialMixin) and (page.for_newspaper or page.pk in known):
            changed += sync_page(page.pk) is not None
    return changed
