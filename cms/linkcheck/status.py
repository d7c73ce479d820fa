"""Outcomes of checking a URL. Kept free of models so the fetching child process needs no Django setup."""

from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class UrlStatus(TextChoices):
    OK = "ok", _("works")
    BROKEN = "broken", _("broken (HTTP error)")
    TIMEOUT = "timeout", _("timed out")
    ERROR = "error", _("connection failed")
    BLOCKED = "blocked", _("refused: private or reserved address")
    INVALID = "invalid", _("invalid address")
    UNCHECKED = "unchecked", _("not checked (time budget)")


# Statuses that make a link a "broken link" finding; UNCHECKED is neither broken nor fine.
BROKEN_STATUSES = frozenset(
    {UrlStatus.BROKEN, UrlStatus.TIMEOUT, UrlStatus.ERROR, UrlStatus.BLOCKED, UrlStatus.INVALID}
)


@dataclass
class UrlResult:
    url: str
    status: str
    http_status: int | None = None
    error: str = ""
    final_url: str = ""
