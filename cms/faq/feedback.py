"""Reader feedback and view counts. One vote per visitor per entry, remembered in a signed cookie on the visitor's
own browser: the server stores only the two counters, no address, no identifier, nothing personal."""

from django.db.models import F

from cms.faq.models.entry import FaqEntry

VOTES_COOKIE = "faq_votes"
VOTES_SALT = "cms.faq.votes"
VOTES_MAX_AGE = 5 * 365 * 24 * 3600
VOTES_KEPT = 500  # the cookie stays well under browsers' 4 KB limit


def voted_ids(request) -> list[int]:
    """Ids of the entries this browser has voted on (a tampered or missing cookie counts as none)."""
    raw = request.get_signed_cookie(VOTES_COOKIE, default="", salt=VOTES_SALT, max_age=VOTES_MAX_AGE)
    return [int(part) for part in raw.split(",") if part.isdigit()]


def has_voted(request, entry: FaqEntry) -> bool:
    return entry.pk in voted_ids(request)


def record_vote(request, response, entry: FaqEntry, helpful: bool) -> bool:
    """Count the vote unless this browser already voted on ``entry``; returns whether it was counted."""
    ids = voted_ids(request)
    if entry.pk in ids:
        return False
    field = "helpful_yes" if helpful else "helpful_no"
    # An UPDATE with F() so simultaneous votes are not lost and the row's other fields are not rewritten.
    FaqEntry.objects.filter(pk=entry.pk).update(**{field: F(field) + 1})
    ids = (ids + [entry.pk])[-VOTES_KEPT:]
    response.set_signed_cookie(
        VOTES_COOKIE,
        ",".join(map(str, ids)),
        salt=VOTES_SALT,
        max_age=VOTES_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return True


def count_view(entry: FaqEntry) -> None:
    FaqEntry.objects.filter(pk=entry.pk).update(view_count=F("view_count") + 1)
